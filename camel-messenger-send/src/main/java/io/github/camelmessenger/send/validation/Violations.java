package io.github.camelmessenger.send.validation;

import java.util.ArrayList;
import java.util.List;

import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.error.MessengerValidationException.Violation;

/**
 * Collects broken rules with the path of the field that broke them.
 */
public final class Violations {

    private final List<Violation> list = new ArrayList<>();

    public void add(String field, String problem) {
        list.add(new Violation(field, problem));
    }

    /** Records a violation when the text is longer than the limit allows. */
    public void maxLength(String field, String text, SendApiLimit limit) {
        if (text != null) {
            int length = SendApiLimit.length(text);
            if (!limit.allows(length)) {
                add(field, limit.describeExcess(length));
            }
        }
    }

    /** Records a violation when a list has more items than the limit allows. */
    public void maxCount(String field, int count, SendApiLimit limit) {
        if (!limit.allows(count)) {
            add(field, limit.describeExcess(count));
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Throws a {@link MessengerValidationException} listing every violation, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new MessengerValidationException(list);
        }
    }
}

package io.github.camelmessenger.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.camelmessenger.send.ConformanceCorpus.Case;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * The summary a test over the Send API cases ({@code send-cases.jsonl}) prints once all its dynamic tests have run:
 * counts, case indices grouped by reason, and the cases whose part failed. One instance per test class, held in a
 * static field; everything registered with it ({@link #counter()}, {@link #groups()}, {@link #map()}) is cleared when
 * the corpus is read ({@link #dynamicTests}).
 */
final class CorpusReport {

    /** One part of a case, run by {@link #tracked}. */
    interface Body {
        void run() throws Exception;
    }

    /** The text a failure is remembered by in the summary (before it is shortened). */
    interface FailureText {
        String of(Case c, String part, Throwable failure);
    }

    /** A count for the summary. */
    static final class Counter {
        private int value;

        void increment() {
            value++;
        }

        int get() {
            return value;
        }
    }

    /** Case indices grouped by reason, reasons in order. */
    static final class Groups {
        private final Map<String, List<Integer>> byReason = new TreeMap<>();

        void add(String reason, int index) {
            byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(index);
        }

        /** How many cases the groups hold. */
        int count() {
            return byReason.values().stream().mapToInt(List::size).sum();
        }

        /** The heading on a line of its own, then a line per reason: how many cases, the reason, their indices. */
        void appendTo(StringBuilder out, String heading) {
            out.append("  ").append(heading).append(System.lineSeparator());
            byReason.forEach((reason, idx) -> out.append(String.format(Locale.ROOT, "    %3d x %s %s%n", idx.size(),
                    reason, idx)));
        }

        private void clear() {
            byReason.clear();
        }
    }

    private final String name;
    private final String failuresHeading;
    private final int briefLength;
    private final FailureText failureText;
    private final List<Runnable> resets = new ArrayList<>();
    private final Map<Integer, String> failed = new TreeMap<>();
    private int casesTotal;
    private boolean corpusRan;
    private String absentReason;

    /**
     * @param name            the summary's name, e.g. {@code send-cases}
     * @param failuresHeading the heading over the cases with a failure
     * @param briefLength     how much of a failure's text the summary keeps
     * @param failureText     what a failure is remembered by
     */
    CorpusReport(String name, String failuresHeading, int briefLength, FailureText failureText) {
        this.name = name;
        this.failuresHeading = failuresHeading;
        this.briefLength = briefLength;
        this.failureText = failureText;
    }

    /** A counter, cleared when the corpus is read. */
    Counter counter() {
        Counter counter = new Counter();
        resets.add(() -> counter.value = 0);
        return counter;
    }

    /** Groups of case indices by reason, cleared when the corpus is read. */
    Groups groups() {
        Groups groups = new Groups();
        resets.add(groups::clear);
        return groups;
    }

    /** A sorted map, cleared when the corpus is read. */
    <K, V> Map<K, V> map() {
        Map<K, V> map = new TreeMap<>();
        resets.add(map::clear);
        return map;
    }

    /** How many cases the corpus file holds. */
    int casesTotal() {
        return casesTotal;
    }

    /**
     * The dynamic tests {@code tests} makes of the cases of the corpus file {@code fileName} (read with
     * {@link ConformanceCorpus#readCases}), after clearing the summary; when the corpus is absent, a single skipped
     * test, and the summary will say why nothing ran.
     */
    Stream<DynamicTest> dynamicTests(String fileName, Set<String> outOfScopeScopes,
                                     Function<List<Case>, List<DynamicTest>> tests)
            throws IOException {
        ConformanceCorpus.Located corpus = ConformanceCorpus.locate(fileName);
        if (!corpus.present()) {
            absentReason = corpus.absentReason();
            return corpus.absentAsSkippedTest();
        }
        List<Case> cases = ConformanceCorpus.readCases(corpus.file(), outOfScopeScopes);
        resets.forEach(Runnable::run);
        failed.clear();
        corpusRan = true;
        casesTotal = cases.size();
        return tests.apply(cases).stream();
    }

    /**
     * Runs one part of a case (named by {@code part}, e.g. {@code route 1}) and remembers a failure for the summary
     * (the failure itself still fails the test).
     */
    void tracked(Case c, String part, Body body) throws Exception {
        try {
            body.run();
        } catch (AssertionError | Exception e) {
            if (!(e instanceof TestAbortedException)) {
                String text = failureText.of(c, part, e);
                String brief = text.length() > briefLength ? text.substring(0, briefLength) + "..." : text;
                failed.merge(c.index(), c.name() + ": " + brief, (a, b) -> a + " | " + b);
            }
            throw e;
        }
    }

    /**
     * Prints the summary: what {@code summary} writes, then the cases with a failure; or, when the corpus was
     * absent, that nothing ran and why.
     */
    void print(Consumer<StringBuilder> summary) {
        if (!corpusRan) {
            System.out.println(name + ": nothing ran: " + absentReason);
            return;
        }
        StringBuilder out = new StringBuilder();
        summary.accept(out);
        if (!failed.isEmpty()) {
            out.append("  ").append(failuresHeading).append(System.lineSeparator());
            failed.forEach((idx, msg) -> out.append(String.format(Locale.ROOT, "    #%03d %s%n", idx, msg)));
        }
        System.out.print(out);
    }
}

package io.github.camelmessenger.send.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The results as a plain text table.
 */
final class Table {

    private Table() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> results) {
        StringBuilder out = new StringBuilder();
        out.append("\nmachine: ").append(results.get("machine")).append("\n\n");
        out.append(String.format(Locale.ROOT, "%-10s %-11s %12s %12s %10s %10s %8s %9s%n", "in flight", "sender",
                "msgs/s", "cpu us/msg", "p50 us", "p99 us", "threads", "heap MB"));
        Map<String, Object> load = (Map<String, Object>) results.getOrDefault("load", Map.of());
        for (Map.Entry<String, Object> entry : load.entrySet()) {
            Map<String, Object> row = (Map<String, Object>) entry.getValue();
            String inFlight = entry.getKey().replace("in_flight_", "");
            for (String sender : new String[] { "raw_ahc", "camel_floor", "component", "camel_http" }) {
                Map<String, Object> f = (Map<String, Object>) row.get(sender);
                if (f == null) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-10s %-11s %12.0f %12.2f %10.0f %10.0f %8d %9.1f%n",
                        inFlight, sender, num(f, "msgs_per_s"), num(f, "cpu_us_per_msg"), num(f, "p50_us"),
                        num(f, "p99_us"), ((Number) f.get("live_threads")).intValue(), num(f, "heap_mb")));
            }
            out.append(String.format(Locale.ROOT,
                    "%-10s ratios: component/floor cpu %.2f, floor/raw cpu %.2f, component/raw cpu %.2f, rate %.2f",
                    inFlight, num(row, "ratio_component_to_floor_cpu"), num(row, "ratio_floor_to_raw_cpu"),
                    num(row, "ratio_component_to_raw_cpu"), num(row, "ratio_component_to_raw_rate")));
            if (row.containsKey("ratio_camel_http_to_component_cpu")) {
                out.append(String.format(Locale.ROOT, "; camel_http/component cpu %.2f; component/camel_http rate %.2f",
                        num(row, "ratio_camel_http_to_component_cpu"), num(row, "ratio_component_to_camel_http_rate")));
            }
            out.append("\n\n");
        }
        out.append("pacing: ").append(results.get("pacing")).append('\n');
        out.append("latency_broadcast: ").append(results.get("latency_broadcast")).append('\n');
        out.append("scale:  ").append(results.get("scale")).append('\n');
        out.append("scale_100k: ").append(results.get("scale_100k")).append('\n');
        out.append("webhook: ").append(results.get("webhook")).append('\n');
        out.append("jmh:    ").append(results.get("jmh")).append('\n');
        return out.toString();
    }

    private static double num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}

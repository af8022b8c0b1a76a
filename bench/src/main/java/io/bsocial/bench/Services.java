package io.bsocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The services the launcher started, seen through its state folder (.bsocial/run). */
final class Services {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    private final Path run;

    Services(Path state) {
        this.run = state.resolve("run");
    }

    /** The datasource the services were started with ({@code url=...}, {@code user=...}). */
    Map<String, String> datasource() throws IOException {
        Path file = run.resolve("datasource");
        Map<String, String> values = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        return values;
    }

    /** Heap in use (jcmd GC.heap_info) and resident memory of a service's process, in MB. */
    Report.Memory memory(String service) throws IOException, InterruptedException {
        String pid = Files.readString(run.resolve(service + ".pid")).strip();
        Process jcmd = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
        String heap = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Path status = Path.of("/proc", pid, "status");
        return memory(heap, Files.exists(status) ? Files.readString(status) : "");
    }

    /** The first "used NK" of a heap report and the VmRSS of a /proc status, in MB. */
    static Report.Memory memory(String heapInfo, String procStatus) {
        Matcher heap = HEAP_USED.matcher(heapInfo);
        Matcher rss = RSS.matcher(procStatus);
        return new Report.Memory(heap.find() ? Long.parseLong(heap.group(1)) / 1024 : 0,
                rss.find() ? Long.parseLong(rss.group(1)) / 1024 : 0);
    }
}

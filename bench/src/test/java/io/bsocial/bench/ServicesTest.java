package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesTest {

    @Test
    void heapInUseAndResidentMemoryInMegabytes() {
        String heapInfo = """
                12345:
                 garbage-first heap   total 262144K, used 50688K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 20 young (20480K), 3 survivors (3072K)
                 Metaspace       used 80123K, committed 81000K, reserved 1114112K
                """;
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  378880 kB\nThreads:\t42\n";

        assertThat(Services.memory(heapInfo, status)).isEqualTo(new Report.Memory(49, 370));
        assertThat(Services.memory("12345: no such process", "")).isEqualTo(new Report.Memory(0, 0));
    }

    @Test
    void theDatasourceTheLauncherRecorded(@TempDir Path state) throws Exception {
        Files.createDirectories(state.resolve("run"));
        Files.writeString(state.resolve("run/datasource"),
                "url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bsocial\nuser=postgres\n");

        Psql psql = Psql.of(new Services(state).datasource());

        assertThat(psql.schema()).isEqualTo("bsocial");
    }
}

package io.bsocial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.bsocial.shared.testing.LocalAddresses;

/**
 * The H2 file database that web and the notifier share through {@code AUTO_SERVER} (the
 * `./bsocial up` default) opens a TCP server: it listens on loopback only, where H2 would listen
 * on every interface.
 */
@WebAppTest
@DirtiesContext
class DatabaseServerTest {

    static final Path DIRECTORY = Path.of("target", "h2-server-test").toAbsolutePath();

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void sharedFileDatabase(DynamicPropertyRegistry registry) throws IOException {
        // A fresh database each run: one left by an older build would fail Flyway's validation.
        FileSystemUtils.deleteRecursively(DIRECTORY);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIRECTORY.resolve("bsocial")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void theSharedFileDatabaseListensOnLoopbackOnly() throws Exception {
        try (Connection open = dataSource.getConnection()) {
            assertThat(open.isValid(5)).isTrue();
        }
        // H2 writes where its server listens into the lock file, for the second process to find it.
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(DIRECTORY.resolve("bsocial.lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        String host = server.substring(0, server.lastIndexOf(':'));
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

        assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(server).isTrue();
        connect("127.0.0.1", port);
        assertThatThrownBy(() -> connect(LocalAddresses.nonLoopback(), port)).isInstanceOf(ConnectException.class);
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
        }
    }
}

package io.bsocial.web.passwordreset.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.AccountView;

/**
 * Sends the reset link over SMTP (Boot's {@code spring.mail.*}), on a thread of its own: the
 * request answers 202 without waiting for the mail server, so an address with an account takes no
 * longer to answer than one without. One thread and a bounded queue: a flood waits or is dropped
 * (logged), it never holds request threads. The link is a secret: it is logged nowhere.
 */
@Component
class ResetMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ResetMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final ResetMailProperties properties;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), runnable -> {
                Thread thread = new Thread(runnable, "password-reset-mail");
                thread.setDaemon(true);
                return thread;
            }, (dropped, executor) -> log.warn("password-reset mail dropped: the mail queue is full"));

    ResetMail(ObjectProvider<JavaMailSender> sender, ResetMailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** Queues the mail with the link for {@code token} to the account's address. */
    void send(AccountView account, String token) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(account.email());
        mail.setSubject("Reset your bSocial password");
        mail.setText("""
                Hello %s,

                Someone (hopefully you) asked to reset the password of your bSocial account @%s.
                To choose a new password, open this link within 30 minutes:

                %s

                The link works once. If you did not ask for it, ignore this mail: your password stays
                as it is.
                """.formatted(account.firstName(), account.username(), properties.resetLink(token)));
        worker.execute(() -> deliver(account.id(), mail));
    }

    private void deliver(long accountId, SimpleMailMessage mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.warn("password-reset mail for account {} not sent: no mail server is configured (spring.mail.host)",
                    accountId);
            return;
        }
        try {
            smtp.send(mail);
            log.info("password-reset mail sent to account {}", accountId);
        } catch (MailException failed) {
            log.warn("password-reset mail for account {} not sent: {}", accountId, failed.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}

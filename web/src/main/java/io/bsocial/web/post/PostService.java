package io.bsocial.web.post;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

@Service
public class PostService {

    public static final int MAX_LENGTH = 2_000;

    private final PostRepository posts;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostService(PostRepository posts, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Post create(SessionUser author, String content) {
        String text = TextInput.require(content, "content", "A post", MAX_LENGTH);
        Instant now = SqlTime.now(clock);
        long id = posts.insert(author.id(), text, now);
        events.publishEvent(PostCreated.of(accounts.actor(author.id()), id, text, now));
        return posts.findVisible(id, author.id()).orElseThrow();
    }

    /** The post if {@code viewer} may see it; absent and invisible posts are the same 404. */
    public Post visible(long postId, SessionUser viewer) {
        return posts.findVisible(postId, viewer.id()).orElseThrow(() -> new NotFoundException("No such post."));
    }
}

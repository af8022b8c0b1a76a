package io.bsocial.web.erasure.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.UserDeleted;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.CurrentPassword;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.support.ApiProblem;
import io.bsocial.web.support.InputValidator;
import io.bsocial.web.support.InvalidInputException;

/**
 * Deletes an account (the right to erasure, anchored on Mastodon's {@code DeleteAccountService}).
 * The password is confirmed first, as a login would check it (throttled alike: 403, then 429);
 * then, in one transaction, everything of the account goes ({@link ErasureRepository}) and the
 * username stays reserved. Others' counters stay right: the account's likes leave the like counts,
 * its comments the comment counts, its follows the follower counts.
 *
 * <p>Events, through the outbox in the same transaction: {@code post-deleted} for each of its
 * posts and {@code comment-deleted} for each comment that goes from someone else's post (the
 * account's own, and the replies they take with them), exactly as when the author deletes them:
 * followers' live feeds drop the posts, notifications about them are retracted everywhere, the
 * stored queries stop counting them. Then {@code user-deleted} ({@code userId, username}, no
 * e-mail): the notifier forgets every notification the account received or caused, the indexer
 * every document that names it. Its follows and likes publish nothing: user-deleted covers them.
 */
@Service
class AccountErasure {

    private final CurrentPassword password;
    private final InputValidator validator;
    private final Accounts accounts;
    private final ErasureRepository erasure;
    private final Budgets budgets;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountErasure(CurrentPassword password, InputValidator validator, Accounts accounts, ErasureRepository erasure,
            Budgets budgets, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.password = password;
        this.validator = validator;
        this.accounts = accounts;
        this.erasure = erasure;
        this.budgets = budgets;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Confirms the password (outside any transaction: a memory-hard hash holds no connection), erases
     * the account, and ends the request's own session too: the caller is logged out.
     */
    void delete(SessionUser me, DeletionRequest request, HttpServletRequest http) {
        var problems = validator.problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            password.confirm(me, request.password(), "password", http);
            transactions.executeWithoutResult(status -> erase(me));
        } catch (ApiProblem refused) {
            if (accounts.account(me.id()).isPresent()) {
                throw refused;
            }
            // A concurrent request deleted the account meanwhile: this one's wish is done too.
        }
        HttpSession session = http.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // its row went with the account's sessions
            }
        }
        SecurityContextHolder.clearContext();
    }

    private void erase(SessionUser me) {
        long id = me.id();
        if (!erasure.lockAccount(id)) {
            return; // deleted by a concurrent request, which published everything
        }
        Actor actor = accounts.actor(id);
        String emailKey = erasure.emailKey(id);
        Instant now = SqlTime.now(clock);
        erasure.removeLikes(id);
        for (ErasureRepository.ForeignComment comment : erasure.foreignComments(id)) {
            if (!erasure.lockPost(comment.postId())) {
                continue;
            }
            List<Long> gone = new ArrayList<>(erasure.replyIds(comment.id()));
            gone.add(comment.id());
            for (long commentId : gone) {
                if (erasure.deleteComment(commentId, comment.postId(), id, now)) {
                    events.publishEvent(CommentDeleted.of(actor, comment.postId(), commentId, comment.postAuthorId(), now));
                }
            }
        }
        for (long postId : erasure.postIds(id)) {
            // The post's lock first, as its author's delete takes it: a comment or like of it in flight
            // is either in before (and goes with it) or finds the post gone.
            if (!erasure.lockPost(postId)) {
                continue;
            }
            // Published before the row goes: the comment feature deletes the post's comments in this transaction.
            events.publishEvent(PostDeleted.of(actor, postId, now));
            erasure.deletePost(postId);
        }
        erasure.removeFollows(id);
        budgets.forget(id, emailKey);
        erasure.removeRest(id, actor.username(), AccountKey.of(actor.username()), now);
        events.publishEvent(UserDeleted.of(id, actor.username(), now));
    }
}

package io.bsocial.web.report.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.Standing;
import io.bsocial.web.account.UserView;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.comment.Comments;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.ConflictException;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

/**
 * Reports, and what moderators do with them.
 * <ul>
 * <li>A report names exactly one target the reporter may see (the visibility rule: a post or
 * comment across a block is 404, as is a suspended account), never the reporter or their own
 * content (400), with a reason (1 to {@value #MAX_REASON} characters, the text rules of posts).
 * It is paid from the reporter's budget for reports once it is valid.</li>
 * <li>Reporting a target again is idempotent: while the reporter's report of it is open, the answer
 * is that report, unchanged; once a moderator closed it, it is opened again with the new reason.</li>
 * <li>Every action of a moderator locks the reports about the reported account first (in id order),
 * so two moderators acting on one report take turns: the second finds it closed (409).</li>
 * </ul>
 */
@Service
class ReportService {

    static final int MAX_REASON = 500;

    private final ReportRepository reports;
    private final Posts posts;
    private final Comments comments;
    private final Accounts accounts;
    private final Standing standing;
    private final Budgets budgets;
    private final Clock clock;

    ReportService(ReportRepository reports, Posts posts, Comments comments, Accounts accounts, Standing standing,
            Budgets budgets, Clock clock) {
        this.reports = reports;
        this.posts = posts;
        this.comments = comments;
        this.accounts = accounts;
        this.standing = standing;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** A report as its reporter is answered. */
    record Report(long id, Target target, String reason, Instant createdAt) {
    }

    @Transactional
    public Report report(SessionUser me, ReportRequest request) {
        if (request == null) {
            throw new InvalidInputException("reason", "A report needs a body.");
        }
        long named = Stream.of(request.postId(), request.commentId(), request.username()).filter(v -> v != null).count();
        if (named != 1) {
            throw new InvalidInputException(List.of(new FieldProblem("postId",
                    "Name exactly one of postId, commentId and username.")));
        }
        String reason = TextInput.require(request.reason(), "reason", "A reason", MAX_REASON);
        int kind;
        long targetId;
        long targetUser;
        Target target;
        if (request.postId() != null) {
            Post post = posts.findVisible(request.postId(), me.id())
                    .orElseThrow(() -> new NotFoundException("No such post, or you cannot see it."));
            kind = Target.POST;
            targetId = post.id();
            targetUser = post.author().id();
            target = new Target("post", post.id(), null, null);
            self(me, targetUser, "postId", "You cannot report your own post.");
        } else if (request.commentId() != null) {
            Comments.Found comment = comments.visible(request.commentId(), me)
                    .orElseThrow(() -> new NotFoundException("No such comment, or you cannot see it."));
            kind = Target.COMMENT;
            targetId = comment.id();
            targetUser = comment.authorId();
            target = new Target("comment", comment.id(), comment.postId(), null);
            self(me, targetUser, "commentId", "You cannot report your own comment.");
        } else {
            UserView user = accounts.byUsername(request.username())
                    .filter(found -> found.id() == me.id() || !standing.isSuspended(found.id()))
                    .orElseThrow(() -> new NotFoundException("No such user."));
            kind = Target.USER;
            targetId = user.id();
            targetUser = user.id();
            target = new Target("user", null, null, user.username());
            self(me, targetUser, "username", "You cannot report yourself.");
        }
        budgets.spend(Budget.REPORTS, me.id());
        Instant now = SqlTime.now(clock);
        reports.insert(me.id(), kind, targetId, targetUser, reason, now);
        ReportRepository.Row row = reports.mine(me.id(), kind, targetId)
                .orElseThrow(() -> new IllegalStateException("a report just made is gone"));
        if (!row.open()) {
            reports.reopen(row.id(), reason, now);
            return new Report(row.id(), target, reason, now);
        }
        return new Report(row.id(), target, row.reason(), row.createdAt());
    }

    private static void self(SessionUser me, long targetUser, String field, String message) {
        if (targetUser == me.id()) {
            throw new InvalidInputException(field, message);
        }
    }

    /** Open reports, oldest first. */
    @Transactional(readOnly = true)
    public CursorPage<ReportRepository.Listed> open(PageRequest page) {
        return CursorPage.of(reports.open(page.cursor(), page.fetchSize()), page,
                listed -> new Cursor(listed.createdAt(), listed.id()));
    }

    /** What an action did: how many reports it closed. */
    record Outcome(String action, int closedReports) {
    }

    /**
     * Deletes the reported post or comment, as its author's delete would, and closes every open
     * report of it. 400 for a report of an account (there is no content to delete).
     */
    @Transactional
    public Outcome deleteContent(SessionUser moderator, long reportId) {
        ReportRepository.Row report = lockOpen(reportId);
        if (report.kind() == Target.USER) {
            throw new InvalidInputException("action", "A report of an account has no content to delete: suspend or dismiss.");
        }
        if (report.kind() == Target.POST) {
            posts.removeAsModerator(report.targetId());
        } else {
            comments.removeAsModerator(report.targetId());
        }
        int closed = reports.closeTarget(report.kind(), report.targetId(), moderator.id(), ReportRepository.DELETED,
                SqlTime.now(clock));
        return new Outcome("deleted", closed);
    }

    /** Suspends the reported account (the content's author), closing every open report about it. */
    @Transactional
    public Outcome suspend(SessionUser moderator, long reportId) {
        ReportRepository.Row report = lockOpen(reportId);
        UserView account = accounts.account(report.targetUserId())
                .flatMap(found -> accounts.byUsername(found.username()))
                .orElseThrow(() -> new NotFoundException("No such report."));
        if (account.id() == moderator.id()) {
            throw new InvalidInputException("action", "You cannot suspend yourself.");
        }
        standing.suspend(account, moderator.id());
        int closed = reports.closeAbout(account.id(), moderator.id(), ReportRepository.SUSPENDED, SqlTime.now(clock));
        return new Outcome("suspended", closed);
    }

    /** Closes every open report of the report's target, changing nothing else. */
    @Transactional
    public Outcome dismiss(SessionUser moderator, long reportId) {
        ReportRepository.Row report = lockOpen(reportId);
        int closed = reports.closeTarget(report.kind(), report.targetId(), moderator.id(), ReportRepository.DISMISSED,
                SqlTime.now(clock));
        return new Outcome("dismissed", closed);
    }

    /** Suspends an account by name (idempotent): 404 unknown, 400 oneself. Closes the reports about it. */
    @Transactional
    public Outcome suspendUser(SessionUser moderator, String username) {
        UserView user = accounts.byUsername(username).orElseThrow(() -> new NotFoundException("No such user."));
        if (user.id() == moderator.id()) {
            throw new InvalidInputException("username", "You cannot suspend yourself.");
        }
        reports.lockAbout(user.id(), -1);
        standing.suspend(user, moderator.id());
        return new Outcome("suspended", reports.closeAbout(user.id(), moderator.id(), ReportRepository.SUSPENDED,
                SqlTime.now(clock)));
    }

    /** Lifts an account's suspension (idempotent): 404 unknown. */
    @Transactional
    public void unsuspend(String username) {
        UserView user = accounts.byUsername(username).orElseThrow(() -> new NotFoundException("No such user."));
        standing.unsuspend(user);
    }

    private ReportRepository.Row lockOpen(long reportId) {
        ReportRepository.Row found = reports.find(reportId).orElseThrow(() -> new NotFoundException("No such report."));
        ReportRepository.Row report = reports.lockAbout(found.targetUserId(), reportId)
                .orElseThrow(() -> new NotFoundException("No such report."));
        if (!report.open()) {
            throw new ConflictException(List.of(new FieldProblem("report",
                    "This report was already handled by a moderator.")));
        }
        return report;
    }
}

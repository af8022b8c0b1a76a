package io.bsocial.web.report.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.paging.PageResponses;

/**
 * The moderators' API ({@code /api/moderation/**}, {@code ROLE_MODERATOR} by SecurityConfig's
 * matcher; 403 for everyone else): the open reports, oldest first, and the actions on one.
 */
@RestController
class ModerationApiController {

    private final ReportService reports;

    ModerationApiController(ReportService reports) {
        this.reports = reports;
    }

    /** A report as moderators see it. */
    record OpenReport(long id, Target target, String content, Author author, String reporter, String reason,
            java.time.Instant createdAt) {
    }

    /** The reported account. */
    record Author(String username, String firstName, String lastName, boolean suspended) {
    }

    static OpenReport of(ReportRepository.Listed listed) {
        Target target = switch (listed.kind()) {
            case Target.POST -> new Target("post", listed.targetId(), null, null);
            case Target.COMMENT -> new Target("comment", listed.targetId(), listed.postId(), null);
            default -> new Target("user", null, null, listed.targetUsername());
        };
        return new OpenReport(listed.id(), target, listed.content(),
                new Author(listed.targetUsername(), listed.targetFirstName(), listed.targetLastName(),
                        listed.targetSuspended()),
                listed.reporterUsername(), listed.reason(), listed.createdAt());
    }

    @GetMapping("/api/moderation/reports")
    ResponseEntity<CursorPage<OpenReport>> open(@RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        CursorPage<ReportRepository.Listed> page = reports.open(PageRequest.of(limit, cursor, Cursor.OLDEST));
        return PageResponses.withNextLink(new CursorPage<>(page.items().stream().map(ModerationApiController::of).toList(),
                page.nextCursor()));
    }

    @PostMapping("/api/moderation/reports/{id}/delete-content")
    ReportService.Outcome deleteContent(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        return reports.deleteContent(me, id);
    }

    @PostMapping("/api/moderation/reports/{id}/suspend")
    ReportService.Outcome suspend(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        return reports.suspend(me, id);
    }

    @PostMapping("/api/moderation/reports/{id}/dismiss")
    ReportService.Outcome dismiss(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        return reports.dismiss(me, id);
    }

    @PutMapping("/api/moderation/suspensions/{username}")
    ReportService.Outcome suspendUser(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        return reports.suspendUser(me, username);
    }

    @DeleteMapping("/api/moderation/suspensions/{username}")
    ResponseEntity<Void> unsuspend(@PathVariable String username) {
        reports.unsuspend(username);
        return ResponseEntity.noContent().build();
    }
}

package io.bsocial.web.report.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.support.NotFoundException;

/**
 * {@code /moderation}: the open reports, oldest first, twenty at a time ("More" loads the next by
 * keyset), each with its actions as htmx posts that replace the report with what was done.
 * {@code ROLE_MODERATOR} only, by SecurityConfig's matcher on {@code /moderation/**}.
 */
@Controller
class ModerationPageController {

    private final ReportService reports;

    ModerationPageController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/moderation")
    String page(Model model) {
        model.addAttribute("page", reportsFrom(null));
        return "moderation/moderation";
    }

    @GetMapping("/moderation/reports")
    String more(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", reportsFrom(cursor));
        return "moderation/moderation :: reports";
    }

    @PostMapping("/moderation/reports/{id}/{action}")
    String act(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable String action,
            Model model) {
        ReportService.Outcome outcome = switch (action) {
            case "delete-content" -> reports.deleteContent(me, id);
            case "suspend" -> reports.suspend(me, id);
            case "dismiss" -> reports.dismiss(me, id);
            default -> throw new NotFoundException("No such action.");
        };
        model.addAttribute("outcome", outcome);
        model.addAttribute("reportId", id);
        return "moderation/moderation :: done";
    }

    private CursorPage<ModerationApiController.OpenReport> reportsFrom(String cursor) {
        CursorPage<ReportRepository.Listed> page = reports.open(PageRequest.of(null, cursor, Cursor.OLDEST));
        return new CursorPage<>(page.items().stream().map(ModerationApiController::of).toList(), page.nextCursor());
    }
}

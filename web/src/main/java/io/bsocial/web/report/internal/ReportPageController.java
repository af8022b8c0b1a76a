package io.bsocial.web.report.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;

/**
 * The pages' report dialog ({@code report/dialog.html}): the same report as {@code POST /api/reports},
 * from a form; its refusals are the API's problem documents, which the page says in the dialog.
 */
@Controller
class ReportPageController {

    private final ReportService reports;

    ReportPageController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/reports")
    String report(@AuthenticationPrincipal SessionUser me, @RequestParam(required = false) Long postId,
            @RequestParam(required = false) Long commentId, @RequestParam(required = false) String username,
            @RequestParam(required = false) String reason) {
        reports.report(me, new ReportRequest(postId, commentId, username, reason));
        return "report/dialog :: sent";
    }
}

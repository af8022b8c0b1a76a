package io.bsocial.web.report.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;

/** {@code POST /api/reports}: 201 with the report (the same one again while it is open). */
@RestController
class ReportApiController {

    private final ReportService reports;

    ReportApiController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping(path = "/api/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportService.Report> report(@AuthenticationPrincipal SessionUser me,
            @RequestBody ReportRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.report(me, body));
    }
}

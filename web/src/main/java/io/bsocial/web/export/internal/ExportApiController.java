package io.bsocial.web.export.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.support.NotFoundException;

/**
 * {@code GET /api/me/export}: the caller's own data (never anyone else's: the account is the
 * session's), as a download named {@code bsocial-export-<username>.json}. The day's one export is
 * spent first, in a transaction of its own, so that a refusal (429) is answered before any byte.
 */
@RestController
class ExportApiController {

    private final Accounts accounts;
    private final AccountExport export;
    private final Budgets budgets;
    private final TransactionTemplate transactions;

    ExportApiController(Accounts accounts, AccountExport export, Budgets budgets, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.export = export;
        this.budgets = budgets;
        this.transactions = transactions;
    }

    @GetMapping("/api/me/export")
    void export(@AuthenticationPrincipal SessionUser me, HttpServletResponse response) throws IOException {
        AccountView account = accounts.account(me.id())
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
        transactions.executeWithoutResult(status -> budgets.spend(Budget.EXPORTS, me.id()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("bsocial-export-" + account.username() + ".json").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.write(account, response.getOutputStream());
    }
}

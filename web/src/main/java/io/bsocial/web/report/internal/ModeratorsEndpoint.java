package io.bsocial.web.report.internal;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.Standing;
import io.bsocial.web.account.Accounts;

/**
 * The operator's command for the moderator role ({@code ./bsocial moderator [add|remove NAME]}):
 * {@code GET /actuator/moderators} lists them, {@code POST /actuator/moderators/{username}} gives the
 * role, {@code DELETE} takes it back (404 unknown user; both idempotent). Answered to operators only
 * (on this machine, or with the operator token), never to a browser, like the other operator
 * endpoints. A change signs the account out everywhere, so its next login carries the new role.
 */
@Component
@Endpoint(id = "moderators")
class ModeratorsEndpoint {

    private final Accounts accounts;
    private final Standing standing;

    ModeratorsEndpoint(Accounts accounts, Standing standing) {
        this.accounts = accounts;
        this.standing = standing;
    }

    record Moderators(List<String> moderators) {
    }

    record Changed(String username, boolean moderator, boolean changed) {
    }

    @ReadOperation
    public Moderators moderators() {
        return new Moderators(standing.moderators());
    }

    @WriteOperation
    public WebEndpointResponse<Object> add(@Selector String username) {
        return accounts.byUsername(username)
                .<WebEndpointResponse<Object>>map(user -> new WebEndpointResponse<>(
                        new Changed(user.username(), true, standing.grantModerator(user))))
                .orElseGet(() -> unknown(username));
    }

    @DeleteOperation
    public WebEndpointResponse<Object> remove(@Selector String username) {
        return accounts.byUsername(username)
                .<WebEndpointResponse<Object>>map(user -> new WebEndpointResponse<>(
                        new Changed(user.username(), false, standing.revokeModerator(user))))
                .orElseGet(() -> unknown(username));
    }

    private static WebEndpointResponse<Object> unknown(String username) {
        return new WebEndpointResponse<>(java.util.Map.of("error", "No such user."), WebEndpointResponse.STATUS_NOT_FOUND);
    }
}

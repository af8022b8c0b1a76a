package io.bsocial.web.support;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.bsocial.shared.security.ProblemResponses;

/**
 * Tomcat's last word on errors it raises itself, before the application sees the request: an
 * encoded NUL or slash in the path ({@code /api/users/%00}) is refused by the connector, and no
 * error page of ours can run. Under {@code /api} this answers a problem document instead of
 * Tomcat's HTML; elsewhere Tomcat's plain page stays, without report or server version.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        if (status < 400 || response.getContentWritten() > 0 || uri == null || !ProblemResponses.isApiPath(uri)) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status < 500 ? "The request is malformed: check the address and its percent-encoding."
                : "Something went wrong on our side. Please try again.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                // Fixed texts of ours only: nothing of the refused request is echoed.
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException failed) {
            // The client has gone or the response cannot take a body: nothing more to say.
        }
    }
}

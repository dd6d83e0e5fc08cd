import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

class SameSiteCookies {
    ResponseEntity<Void> embedLogin(String id) {
        // ruleid: java.web.cookie-samesite-none
        ResponseCookie c = ResponseCookie.from("sid", id).httpOnly(true).sameSite("None").build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, c.toString()).build();
    }

    ResponseEntity<Void> widget(String id) {
        // ruleid: java.web.cookie-samesite-none
        ResponseCookie c = ResponseCookie.from("widget", id)
            .httpOnly(true)
            .secure(true)
            .sameSite("none")
            .build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, c.toString()).build();
    }

    void legacy(HttpServletResponse response, String id) {
        // ruleid: java.web.cookie-samesite-none
        response.addHeader("Set-Cookie", "sid=" + id + "; Path=/; Secure; HttpOnly; SameSite=None");
        // ok: java.web.cookie-samesite-none, java.web.cookie-missing-samesite
        response.addHeader("Set-Cookie", "sid=" + id + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    void servlet6(HttpServletResponse response, String id) {
        Cookie c = new Cookie("sid", id);
        c.setSecure(true);
        c.setHttpOnly(true);
        // ruleid: java.web.cookie-samesite-none
        c.setAttribute("SameSite", "None");
        response.addCookie(c);
    }

    ResponseEntity<Void> login(String id) {
        // ok: java.web.cookie-samesite-none, java.web.cookie-missing-samesite
        ResponseCookie c = ResponseCookie.from("sid", id).httpOnly(true).secure(true).sameSite("Lax").build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, c.toString()).build();
    }

    void servlet6Strict(HttpServletResponse response, String id) {
        Cookie c = new Cookie("sid", id);
        c.setSecure(true);
        c.setHttpOnly(true);
        // ok: java.web.cookie-samesite-none
        c.setAttribute("SameSite", "Strict");
        response.addCookie(c);
    }

    ResponseEntity<Void> remember(String token) {
        // ruleid: java.web.cookie-missing-samesite
        ResponseCookie c = ResponseCookie.from("remember", token).httpOnly(true).secure(true).maxAge(2592000).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, c.toString()).build();
    }

    void legacyNoSameSite(HttpServletResponse response, String id) {
        // ruleid: java.web.cookie-missing-samesite
        response.setHeader(HttpHeaders.SET_COOKIE, "sid=" + id + "; Path=/; Secure; HttpOnly");
        // ok: java.web.cookie-missing-samesite
        response.addHeader("Set-Cookie", "sid=" + id
            + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    ResponseEntity<Void> logout() {
        // ok: java.web.cookie-missing-samesite
        ResponseCookie gone = ResponseCookie.from("sid", "").maxAge(0).path("/").build();
        // ok: java.web.cookie-missing-samesite
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.SET_COOKIE, gone.toString());
        return ResponseEntity.ok().headers(h).build();
    }
}

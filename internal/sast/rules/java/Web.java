package fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;

class WebConfig {
    @Bean
    SecurityFilterChain legacy(HttpSecurity http) throws Exception {
        // ruleid: java.spring.csrf-disabled
        http.csrf().disable();
        // ruleid: java.spring.frame-options-disabled
        http.headers().frameOptions().disable();
        // ruleid: java.spring.session-fixation-disabled
        http.sessionManagement().sessionFixation().none();
        return http.build();
    }

    @Bean
    SecurityFilterChain lambdas(HttpSecurity http) throws Exception {
        // ruleid: java.spring.csrf-disabled
        http.csrf(csrf -> csrf.disable());
        http
            // ruleid: java.spring.frame-options-disabled
            .headers(h -> h.frameOptions(f -> f.disable()))
            // ruleid: java.spring.session-fixation-disabled
            .sessionManagement(s -> s.sessionFixation(f -> f.none()));
        return http.build();
    }

    @Bean
    SecurityFilterChain reference(HttpSecurity http) throws Exception {
        // ruleid: java.spring.csrf-disabled
        http.csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    SecurityFilterChain safe(HttpSecurity http) throws Exception {
        http
            // ok: java.spring.csrf-disabled
            .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"))
            // ok: java.spring.frame-options-disabled
            .headers(h -> h.frameOptions(f -> f.sameOrigin()))
            // ok: java.spring.session-fixation-disabled
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        // ok: java.spring.csrf-disabled
        http.cors(c -> c.disable());
        // ok: java.spring.frame-options-disabled
        http.headers(h -> h.contentTypeOptions(c -> c.disable()));
        // ok: java.spring.session-fixation-disabled
        http.sessionManagement(s -> s.maximumSessions(1));
        return http.build();
    }

    void cors(CorsRegistry registry, CorsConfiguration config, HttpServletRequest req, HttpServletResponse resp) {
        // ruleid: java.spring.cors-any-origin-with-credentials
        registry.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true);
        // ruleid: java.spring.cors-any-origin-with-credentials
        resp.setHeader("Access-Control-Allow-Origin", req.getHeader("Origin"));
        // ok: java.spring.cors-any-origin-with-credentials
        registry.addMapping("/api/**").allowedOrigins("https://app.example.com").allowCredentials(true);
        // ok: java.spring.cors-any-origin-with-credentials
        registry.addMapping("/public/**").allowedOriginPatterns("*");
        // ok: java.spring.cors-any-origin-with-credentials
        resp.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
    }

    // ruleid: java.spring.cors-any-origin-with-credentials
    @CrossOrigin(originPatterns = "*", allowCredentials = "true")
    @GetMapping("/me")
    public String me() { return "me"; }

    // ok: java.spring.cors-any-origin-with-credentials
    @CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")
    @GetMapping("/me2")
    public String me2() { return "me"; }
}

class Cookies {
    void login(HttpServletResponse response, String id) {
        Cookie c = new Cookie("sid", id);
        c.setPath("/");
        // ruleid: java.servlet.cookie-missing-secure, java.servlet.cookie-missing-httponly
        response.addCookie(c);
    }

    void remember(HttpServletResponse response, String id) {
        Cookie c = new Cookie("remember", id);
        c.setHttpOnly(true);
        // ruleid: java.servlet.cookie-missing-secure
        c.setSecure(false);
        response.addCookie(c);
    }

    void theme(HttpServletResponse response, String theme) {
        Cookie c = new Cookie("theme", theme);
        c.setSecure(true);
        // ruleid: java.servlet.cookie-missing-httponly
        response.addCookie(c);
    }

    void safe(HttpServletResponse response, String id) {
        Cookie c = new Cookie("sid", id);
        c.setSecure(true);
        c.setHttpOnly(true);
        // ok: java.servlet.cookie-missing-secure, java.servlet.cookie-missing-httponly
        response.addCookie(c);
    }

    void logout(HttpServletResponse response) {
        Cookie c = new Cookie("sid", "");
        c.setMaxAge(0);
        // ok: java.servlet.cookie-missing-secure, java.servlet.cookie-missing-httponly
        response.addCookie(c);
    }

    void scripted(HttpServletResponse response, String v) {
        Cookie c = new Cookie("prefs", v);
        c.setSecure(true);
        // ruleid: java.servlet.cookie-missing-httponly
        c.setHttpOnly(false);
    }
}

class Errors {
    void handle(HttpServletResponse response, Exception e, org.slf4j.Logger log) throws IOException {
        // ruleid: java.servlet.stack-trace-exposure
        e.printStackTrace(response.getWriter());
        // ruleid: java.servlet.stack-trace-exposure
        e.printStackTrace(new PrintWriter(response.getOutputStream(), true));
        // ok: java.servlet.stack-trace-exposure
        log.error("request failed", e);
        // ok: java.servlet.stack-trace-exposure
        e.printStackTrace();
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}

package fixtures;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.servlet.http.HttpServletRequest;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import io.sentry.Sentry;
import okhttp3.HttpUrl;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.UriComponentsBuilder;

public class SensitiveData {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(SensitiveData.class);
    private static final Logger jul = Logger.getLogger("auth");

    void login(HttpServletRequest request, User user, String password, String apiToken, String pageToken) {
        // ruleid: java.sensitive.secret-in-log
        log.info("login {} with {}", user.getEmail(), password);
        // ruleid: java.sensitive.secret-in-log
        log.debug("calling upstream with token " + apiToken);
        // ruleid: java.sensitive.secret-in-log
        System.out.println("form password: " + request.getParameter("password"));
        // ruleid: java.sensitive.secret-in-log
        jul.fine("user secret " + user.getClientSecret());
        // ok: java.sensitive.secret-in-log
        log.info("password reset requested for {}", user.getEmail());
        // ok: java.sensitive.secret-in-log
        log.info("login attempt for user {} (password given: {})", user.getId(), password != null);
        // ok: java.sensitive.secret-in-log
        log.debug("token has {} characters", apiToken.length());
        // ok: java.sensitive.secret-in-log
        log.debug("next page {}", pageToken);
        String passwordPolicy = "strict";
        int tokenCount = 3;
        // ok: java.sensitive.secret-in-log
        log.info("policy {}, {} tokens issued", passwordPolicy, tokenCount);
    }

    void pay(Order order, String cardNumber, Customer customer) {
        // ruleid: java.sensitive.personal-data-in-log
        log.info("charging card {} for order {}", cardNumber, order.getId());
        // ruleid: java.sensitive.personal-data-in-log
        System.err.printf("payout to %s%n", customer.getIban());
        // ruleid: java.sensitive.personal-data-in-log
        log.warn("identity check failed for ssn " + customer.ssn);
        // ok: java.sensitive.personal-data-in-log
        log.info("charging card ending {} for order {}", cardNumber.substring(cardNumber.length() - 4), order.getId());
        // ok: java.sensitive.personal-data-in-log
        log.info("payout for customer {}", customer.getId());
        String timeSpan = "3d";
        // ok: java.sensitive.personal-data-in-log
        log.info("window {}", timeSpan);
    }

    HttpRequest callApi(String base, String token, String password, String email) {
        // ruleid: java.sensitive.secret-in-url
        URI u = URI.create(base + "/v1/reports?format=csv&access_token=" + token);
        // ruleid: java.sensitive.secret-in-url
        String login = String.format("https://legacy.example.com/login?user=%s&password=%s", email, password);
        // ruleid: java.sensitive.secret-in-url
        URI v = UriComponentsBuilder.fromHttpUrl(base).queryParam("api_key", token).build().toUri();
        // ruleid: java.sensitive.secret-in-url
        HttpUrl h = HttpUrl.parse(base).newBuilder().addQueryParameter("password", password).build();
        // ok: java.sensitive.secret-in-url
        URI w = UriComponentsBuilder.fromHttpUrl(base).queryParam("format", "csv").build().toUri();
        // ok: java.sensitive.secret-in-url
        URI next = URI.create(base + "/v1/items?page_token=" + token);
        // ok: java.sensitive.secret-in-url
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/v1/reports"))
            .header("Authorization", "Bearer " + token).build();
        return req;
    }

    void register(Connection conn, JdbcTemplate jdbc, UserRepository users, PasswordEncoder encoder,
            HttpServletRequest request, SignupForm dto, String email, String password) throws SQLException {
        User user = new User(email);
        // ruleid: java.sensitive.plaintext-password-storage
        user.setPassword(dto.getPassword());
        users.save(user);
        User other = new User(email);
        // ok: java.sensitive.plaintext-password-storage
        other.setPassword(encoder.encode(dto.getPassword()));
        users.save(other);
        // ruleid: java.sensitive.plaintext-password-storage
        jdbc.update("INSERT INTO users (email, password) VALUES (?, ?)", email, password);
        // ok: java.sensitive.plaintext-password-storage
        jdbc.update("INSERT INTO users (email, password_hash) VALUES (?, ?)", email, encoder.encode(password));
        PreparedStatement ps = conn.prepareStatement("UPDATE users SET password = ? WHERE email = ?");
        // ruleid: java.sensitive.plaintext-password-storage
        ps.setString(1, request.getParameter("password"));
        // ok: java.sensitive.plaintext-password-storage
        ps.setString(2, email);
    }

    void report(User user, String cardNumber, String apiToken) {
        // ruleid: java.sensitive.data-sent-to-third-party
        Sentry.setExtra("upstream", apiToken);
        // ruleid: java.sensitive.data-sent-to-third-party
        Sentry.captureMessage("card rejected: " + cardNumber);
        // ok: java.sensitive.data-sent-to-third-party
        Sentry.setExtra("userId", user.getId());
        // ok: java.sensitive.data-sent-to-third-party
        Sentry.captureMessage("card rejected for user " + user.getId());
    }

    String hashes(String password, String email, byte[] salt, PasswordEncoder encoder) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt);
        // ruleid: java.sensitive.password-fast-hash
        byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
        // ruleid: java.sensitive.password-fast-hash
        String hex = DigestUtils.sha256Hex(password);
        // ruleid: java.sensitive.password-fast-hash
        HashCode code = Hashing.sha512().hashString(password, StandardCharsets.UTF_8);
        // ok: java.sensitive.password-fast-hash
        byte[] fingerprint = md.digest(email.getBytes(StandardCharsets.UTF_8));
        // ok: java.sensitive.password-fast-hash
        String etag = DigestUtils.sha256Hex(email);
        // ok: java.sensitive.password-fast-hash
        return encoder.encode(password);
    }
}

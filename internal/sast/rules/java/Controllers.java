package fixtures;

import java.util.List;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/orders")
class OrderController {
    @GetMapping
    @PreAuthorize("hasRole('USER')")
    // ok: java.spring.endpoint-missing-authorization
    public List<Order> list() { return List.of(); }

    @DeleteMapping("/{id}")
    // ruleid: java.spring.endpoint-missing-authorization
    public void delete(@PathVariable long id) { }

    @PostMapping
    @PreAuthorize("hasRole('USER')")
    // ok: java.spring.endpoint-missing-authorization
    public Order create(@RequestBody Order o) { return o; }

    @PutMapping("/{id}")
    // ruleid: java.spring.endpoint-missing-authorization
    public Order update(@PathVariable long id, @RequestBody Order o) { return o; }

    // ok: java.spring.endpoint-missing-authorization
    private void helper() { }
}

@RestController
class PublicController {
    @GetMapping("/ping")
    // ok: java.spring.endpoint-missing-authorization
    public String ping() { return "pong"; }
}

@RestController
@PreAuthorize("hasRole('ADMIN')")
class AdminController {
    @GetMapping("/admin/a")
    @PreAuthorize("hasRole('SUPER')")
    // ok: java.spring.endpoint-missing-authorization
    public String a() { return "a"; }

    @PostMapping
    // ok: java.spring.endpoint-missing-authorization
    public String b() { return "b"; }
}

@RestController
class MixedController {
    @GetMapping("/x")
    @Secured("ROLE_USER")
    // ok: java.spring.endpoint-missing-authorization
    public String x() { return "x"; }

    @PostMapping
    // ruleid: java.spring.endpoint-missing-authorization
    public String y() { return "y"; }
}

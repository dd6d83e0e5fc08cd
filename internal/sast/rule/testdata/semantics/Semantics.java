class Controller {
    String create(@PathVariable String id, @Valid @RequestBody User user, Principal who) {
        // ruleid: semantics.request-body-saved
        users.save(user);
        // ok: semantics.request-body-saved
        users.save(who);
        return "";
    }

    String update(@RequestBody User user) {
        // ruleid: semantics.request-body-saved
        users.save(user);
        return "";
    }

    String list(int page, User user) {
        // ok: semantics.request-body-saved
        users.save(user);
        return "";
    }
}

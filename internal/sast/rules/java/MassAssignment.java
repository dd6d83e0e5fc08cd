package com.example.web;

import javax.persistence.EntityManager;
import javax.validation.Valid;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/users")
public class MassAssignment {
    private UserRepository users;
    private EntityManager em;

    public record ProfileUpdate(String displayName, String bio) {}

    @PostMapping
    public User create(@Valid @RequestBody User user) {
        // ruleid: java.spring.mass-assignment
        return users.save(user);
    }

    @PostMapping("/form")
    public String register(@ModelAttribute User form) {
        // ruleid: java.spring.mass-assignment
        em.persist(form);
        return "redirect:/users";
    }

    @PatchMapping("/{id}/admin")
    public User replace(@PathVariable long id, @RequestBody User user) {
        user.setId(id);
        // ruleid: java.spring.mass-assignment
        return users.saveAndFlush(user);
    }

    @PutMapping("/{org}/{team}/{id}")
    public User move(@PathVariable String org, @PathVariable String team, @RequestBody User user, @RequestParam boolean notify) {
        // ruleid: java.spring.mass-assignment
        return em.merge(user);
    }

    @PutMapping("/{org}/{id}/name")
    public User rename(@PathVariable String org, @PathVariable long id, @RequestBody ProfileUpdate update, @RequestParam User actor) {
        // ok: java.spring.mass-assignment
        return users.save(actor);
    }

    @PutMapping("/{id}")
    public User update(@PathVariable long id, @RequestBody ProfileUpdate update) {
        User user = users.findById(id).orElseThrow();
        user.setDisplayName(update.displayName());
        user.setBio(update.bio());
        // ok: java.spring.mass-assignment
        return users.save(user);
    }

    @PostMapping("/invite")
    public User invite(@RequestBody ProfileUpdate invite) {
        User user = new User();
        user.setDisplayName(invite.displayName());
        // ok: java.spring.mass-assignment
        em.persist(user);
        return user;
    }
}

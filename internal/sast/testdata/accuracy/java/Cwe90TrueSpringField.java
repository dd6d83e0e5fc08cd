package accuracy;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// A request parameter passes through a helper method into the filter.
@RestController
public class Cwe90TrueSpringField {
    private DirContext ldapContext;

    @GetMapping("/members")
    public Object members(@RequestParam("group") String group) throws Exception {
        String f = groupFilter(group);
        // ruleid: java.taint.ldap-injection
        return ldapContext.search("ou=groups,dc=example,dc=com", f, new SearchControls());
    }

    private static String groupFilter(String g) {
        return String.format("(cn=%s)", g);
    }
}

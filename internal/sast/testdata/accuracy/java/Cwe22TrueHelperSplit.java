package accuracy;

import accuracy.helpers.TextHelper;
import java.io.File;
import java.nio.file.Files;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The first token of a request parameter names a file under the upload dir.
@RestController
public class Cwe22TrueHelperSplit {
    private static final String BASE = "/srv/uploads/";

    @GetMapping("/download")
    public byte[] download(@RequestParam("files") String files) throws Exception {
        String first = TextHelper.firstToken(files);
        // ruleid: java.taint.path-traversal
        File f = new File(BASE, first);
        return Files.readAllBytes(f.toPath());
    }
}

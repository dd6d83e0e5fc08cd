package accuracy;

import java.util.Collections;
import java.util.List;
import java.util.Random;

// Random order of quiz questions protects nothing.
public class Cwe330FalseShuffle {
    public void shuffleQuestions(List<String> questions) {
        // ok: java.crypto.insecure-random
        Collections.shuffle(questions, new Random());
    }
}

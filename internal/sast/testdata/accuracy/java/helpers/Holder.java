package accuracy.helpers;

// A plain data object with one field for user data and one for constants.
public class Holder {
    public String userValue;
    public String fixedValue = "constant";

    public String getUserValue() {
        return userValue;
    }

    public String getFixedValue() {
        return fixedValue;
    }
}

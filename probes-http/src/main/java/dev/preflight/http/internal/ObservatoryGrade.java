package dev.preflight.http.internal;

/**
 * The letter for a score, on the chart of Mozilla's HTTP Observatory (100 and up A+, 90 A, 85 A-,
 * 80 B+, 70 B, 65 B-, 60 C+, 50 C, 45 C-, 40 D+, 30 D, 25 D-, below F).
 */
public final class ObservatoryGrade {
    private static final int[] FLOORS = {100, 90, 85, 80, 70, 65, 60, 50, 45, 40, 30, 25};
    private static final String[] GRADES = {"A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-"};

    private ObservatoryGrade() {
    }

    /**
     * @param score a score, 0 or more
     * @return its letter grade
     */
    public static String of(int score) {
        for (int i = 0; i < FLOORS.length; i++) {
            if (score >= FLOORS[i]) {
                return GRADES[i];
            }
        }
        return "F";
    }
}

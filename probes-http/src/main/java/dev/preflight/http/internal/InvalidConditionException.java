package dev.preflight.http.internal;

/**
 * A condition that does not parse, with where it goes wrong: "expected '==', '!=' or 'in' after the
 * path at column 8". Columns count characters of the condition as written, from 1.
 */
public final class InvalidConditionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int column;

    /**
     * @param problem what is wrong
     * @param offset where, counting characters from 0
     */
    public InvalidConditionException(String problem, int offset) {
        super(problem + " at column " + (offset + 1));
        this.problem = problem;
        this.column = offset + 1;
    }

    /** @return what is wrong, without the column */
    public String problem() {
        return problem;
    }

    /** @return where it goes wrong, counting from 1 */
    public int column() {
        return column;
    }
}

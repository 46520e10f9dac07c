package org.fupin.graphql;

/**
 * Forward paging arguments ({@code first}, {@code after}) after validation.
 *
 * @param first items wanted, between 0 and the configured maximum
 * @param after the cursor to continue after, or {@code null} for the first page
 */
public record PageRequest(int first, String after) {

	public static final int DEFAULT_SIZE = 20;

	public static PageRequest of(Integer first, String after, int maxPageSize) {
		int size = (first != null) ? first : DEFAULT_SIZE;
		if (size < 0 || size > maxPageSize) {
			throw new ApiException(ErrorCode.PAGE_SIZE_OUT_OF_RANGE, "first",
					"first must be between 0 and " + maxPageSize + ", was " + size + ".");
		}
		return new PageRequest(size, (after == null || after.isEmpty()) ? null : after);
	}

	/**
	 * The rows a page query reads: one more than the page holds, which only tells that a
	 * next page exists.
	 */
	public int limit() {
		return this.first + 1;
	}

}

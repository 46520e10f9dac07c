package org.fupin.graph;

/**
 * The Cypher that write-locks nodes: a writer takes the lock before it reads what it
 * checks, so that a concurrent writer of the same nodes waits until it commits.
 */
public final class Locks {

	private Locks() {
	}

	/**
	 * A clause that takes the write lock of the nodes bound to {@code alias} until the
	 * transaction ends. Setting and removing a property in one clause takes the lock and
	 * leaves the node as it was.
	 */
	public static String writeLock(String alias) {
		return "SET %1$s._lock = true REMOVE %1$s._lock".formatted(alias);
	}

}

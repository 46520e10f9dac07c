package org.fupin.pairing;

import java.util.List;

/** The GraphQL {@code ConnectionPath}: one shortest path, with its steps in words. */
record ConnectionPath(int length, List<Node> nodes, List<Step> steps) {

	record Node(String id, String name, String type) {
	}

	record Step(String from, String to, String relation, String pairingId, String zh, String en) {
	}

}

package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;

/** The GraphQL {@code AssistanceNetwork} and its parts, ready for a front end to draw. */
record AssistanceNetwork(String rootId, int depth, List<Node> nodes, List<Edge> edges, boolean truncated) {

	/** A party; {@code type} is a place level or ORGANISATION. */
	record Node(String id, String name, String type, String kind, int distance) {
	}

	/** A pairing from its helper ({@code source}) to its recipient ({@code target}). */
	record Edge(String id, String source, String target, String program, String kind, String status,
			LocalDate startDate, LocalDate endDate) {
	}

}

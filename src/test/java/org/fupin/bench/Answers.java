package org.fupin.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares the platform's answer to a question with the peer's, whose shapes differ (the
 * platform's {@code placePath} is a list, the peer nests the ancestors; the platform's
 * {@code owners} are the peer's {@code ownersConnection.edges}; a page is a connection
 * here and a list there). Each answer is reduced to the scalar values it holds, keys,
 * nesting, nulls and {@code __typename} aside: once for each item at the question's item
 * path (in order) and once for the whole answer. Amounts and shares are compared as the
 * store holds them: the platform's {@code Money} and {@code Percent} strings ("1234.56",
 * "33.34") are read as integer fen and hundredths, which the peer shows as they are
 * stored.
 */
final class Answers {

	/** Fields shown by the platform as Money or Percent in the questions. */
	static final Set<String> HUNDREDTHS = Set.of("originalValue", "investment", "share");

	private Answers() {
	}

	/**
	 * The answer reduced: the sorted values of each item, in order, then the sorted
	 * values of the whole answer.
	 */
	static List<List<String>> normalise(JsonNode data, String itemsPath) {
		List<List<String>> reduced = new ArrayList<>();
		for (JsonNode item : items(data, itemsPath)) {
			reduced.add(values(item));
		}
		reduced.add(values(data));
		return reduced;
	}

	/**
	 * What differs between two reduced answers, in words; null when they are the same.
	 */
	static String difference(List<List<String>> platform, List<List<String>> peer) {
		if (platform.size() != peer.size()) {
			return "the platform answers " + (platform.size() - 1) + " items, the peer " + (peer.size() - 1);
		}
		for (int i = 0; i < platform.size(); i++) {
			if (!platform.get(i).equals(peer.get(i))) {
				List<String> onlyPlatform = new ArrayList<>(platform.get(i));
				peer.get(i).forEach(onlyPlatform::remove);
				List<String> onlyPeer = new ArrayList<>(peer.get(i));
				platform.get(i).forEach(onlyPeer::remove);
				String where = (i == platform.size() - 1) ? "the whole answer" : "item " + i;
				return where + ": only the platform has " + onlyPlatform + ", only the peer has " + onlyPeer;
			}
		}
		return null;
	}

	/**
	 * The nodes at a path such as {@code pairings.edges[].node}: names separated by dots,
	 * {@code []} after a name for every element of that list.
	 */
	static List<JsonNode> items(JsonNode data, String path) {
		List<JsonNode> current = List.of(data);
		for (String step : path.split("\\.")) {
			boolean each = step.endsWith("[]");
			String name = each ? step.substring(0, step.length() - 2) : step;
			List<JsonNode> next = new ArrayList<>();
			for (JsonNode node : current) {
				JsonNode child = node.path(name);
				if (child.isMissingNode() || child.isNull()) {
					continue;
				}
				if (each) {
					child.forEach(next::add);
				}
				else {
					next.add(child);
				}
			}
			current = next;
		}
		return current;
	}

	/** The scalar values under a node, sorted. */
	static List<String> values(JsonNode node) {
		List<String> values = new ArrayList<>();
		collect(null, node, values);
		values.sort(null);
		return values;
	}

	private static void collect(String key, JsonNode node, List<String> values) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (!"__typename".equals(field.getKey())) {
					collect(field.getKey(), field.getValue(), values);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(key, element, values));
		}
		else if (!node.isNull() && !node.isMissingNode()) {
			String text = node.asText();
			if (key != null && HUNDREDTHS.contains(key) && text.contains(".")) {
				text = new BigDecimal(text).movePointRight(2).toBigIntegerExact().toString();
			}
			values.add(text);
		}
	}

}

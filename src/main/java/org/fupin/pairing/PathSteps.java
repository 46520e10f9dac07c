package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a path into words: crossing a pairing from its helper to its recipient (or back)
 * is one step, "X helps Y"; every other relationship is a step of its own.
 */
final class PathSteps {

	private PathSteps() {
	}

	static List<ConnectionPath.Step> describe(List<Map<String, Object>> nodes, List<Map<String, Object>> rels) {
		List<ConnectionPath.Step> steps = new ArrayList<>();
		int i = 0;
		while (i < rels.size()) {
			Map<String, Object> a = nodes.get(i);
			Map<String, Object> b = nodes.get(i + 1);
			if ("Pairing".equals(b.get("type")) && i + 1 < rels.size() && crosses(rels.get(i), rels.get(i + 1))) {
				steps.add(cross(a, b, nodes.get(i + 2), "HELPER".equals(rels.get(i).get("type"))));
				i += 2;
			}
			else {
				steps.add(single(a, b, rels.get(i)));
				i += 1;
			}
		}
		return steps;
	}

	private static boolean crosses(Map<String, Object> first, Map<String, Object> second) {
		Object one = first.get("type");
		Object two = second.get("type");
		return ("HELPER".equals(one) && "RECIPIENT".equals(two)) || ("RECIPIENT".equals(one) && "HELPER".equals(two));
	}

	private static ConnectionPath.Step cross(Map<String, Object> x, Map<String, Object> pairing, Map<String, Object> y,
			boolean xHelps) {
		PairingProgram program = PairingProgram.valueOf((String) pairing.get("program"));
		String id = (String) pairing.get("id");
		LocalDate since = (LocalDate) pairing.get("startDate");
		String zhDetail = "（" + program.chinese() + "，结对 " + id + ((since != null) ? "，自 " + since : "") + "）";
		String enDetail = " (" + program.english() + ", pairing " + id + ((since != null) ? ", since " + since : "")
				+ ")";
		if (xHelps) {
			return new ConnectionPath.Step(id(x), id(y), "HELPS", id, name(x) + " 帮扶 " + name(y) + zhDetail,
					name(x) + " helps " + name(y) + enDetail);
		}
		return new ConnectionPath.Step(id(x), id(y), "HELPED_BY", id, name(x) + " 受 " + name(y) + " 帮扶" + zhDetail,
				name(x) + " is helped by " + name(y) + enDetail);
	}

	private static ConnectionPath.Step single(Map<String, Object> a, Map<String, Object> b, Map<String, Object> rel) {
		boolean forward = id(a).equals(rel.get("from"));
		String type = (String) rel.get("type");
		String pairingId = "Pairing".equals(a.get("type")) ? id(a) : "Pairing".equals(b.get("type")) ? id(b) : null;
		return switch (type) {
			case "PART_OF" -> forward ? step(a, b, "PART_OF", null, "%s 隶属于 %s", "%s is part of %s")
					: step(a, b, "CONTAINS", null, "%s 下辖 %s", "%s contains %s");
			case "LOCATED_IN" -> forward ? step(a, b, "LOCATED_IN", null, "%s 位于 %s", "%s is registered in %s")
					: step(a, b, "HOSTS", null, "%s 是 %s 的所在地", "%s hosts %s");
			case "HELPER" -> forward ? step(a, b, "HELPER_OF", pairingId, "%s 的帮扶方是 %s", "%s has %s as its helper")
					: step(a, b, "HELPER_OF", pairingId, "%s 是 %s 的帮扶方", "%s is the helper of %s");
			case "RECIPIENT" ->
				forward ? step(a, b, "RECIPIENT_OF", pairingId, "%s 的受援方是 %s", "%s has %s as its recipient")
						: step(a, b, "RECIPIENT_OF", pairingId, "%s 是 %s 的受援方", "%s is the recipient of %s");
			default -> forward ? step(a, b, "UNDER", pairingId, "%s 隶属于 %s", "%s sits under %s")
					: step(a, b, "ABOVE", pairingId, "%s 下设 %s", "%s has %s under it");
		};
	}

	private static ConnectionPath.Step step(Map<String, Object> a, Map<String, Object> b, String relation,
			String pairingId, String zh, String en) {
		return new ConnectionPath.Step(id(a), id(b), relation, pairingId, zh.formatted(name(a), name(b)),
				en.formatted(name(a), name(b)));
	}

	private static String id(Map<String, Object> node) {
		return (String) node.get("id");
	}

	/** A party by name; a pairing as "结对 id" (its id is what people quote). */
	private static String name(Map<String, Object> node) {
		if ("Pairing".equals(node.get("type"))) {
			return "结对 " + node.get("id");
		}
		Object name = node.get("name");
		return (name != null) ? name.toString() : id(node);
	}

}

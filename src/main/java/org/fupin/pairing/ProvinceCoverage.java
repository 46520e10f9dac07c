package org.fupin.pairing;

/**
 * The coverage rule of provincial pairing, in one place for the coverage gaps and the
 * dashboard rollups. Which program serves a province is data
 * ({@code Province.assistanceProgram}, from {@code seed/places/provinces.csv} with its
 * source): the ten western provinces of east-west cooperation (东西部协作), and Tibet and
 * Xinjiang, which receive counterpart support (对口支援) instead. A province is covered when
 * an active provincial pair of its program reaches it from an eastern province or a city
 * in one.
 *
 * <p>
 * The one-partner rule counts the eastern partners of a western province that are neither
 * an accepted exception nor a central arrangement (中央统筹安排, such as Shandong beside
 * Tianjin for Gansu since 2021): more than one such regular partner is a mistake. It
 * looks at the western side only. An eastern province may help two western provinces
 * (Jiangsu: Shaanxi and Qinghai; Shandong: Chongqing and Gansu; Guangdong: Guangxi and
 * Guizhou), because the 2021 adjustment gave the larger eastern economies two partners on
 * purpose; what the policy fixes is that each western province knows whom to turn to.
 */
public final class ProvinceCoverage {

	/**
	 * Per province with a program at or below {@code $place}: {@code province},
	 * {@code program}, {@code partners} (active provincial pairs of the program from the
	 * east) and {@code regular} (those neither an exception nor a central arrangement).
	 */
	public static final String PROVINCES = """
			MATCH (province:Province) WHERE province.code STARTS WITH $place AND province.assistanceProgram IS NOT NULL
			CALL (province) {
			  OPTIONAL MATCH (province)<-[:RECIPIENT]-(p:Pairing {status: 'ACTIVE'})-[:HELPER]->(h:Place)
			  WHERE p.program = province.assistanceProgram AND p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR']
			    AND EXISTS { MATCH (e:Province {region: 'EAST'}) WHERE e.code = left(h.code, 2) }
			  RETURN count(p) AS partners,
			         count(CASE WHEN coalesce(p.exception, false) OR coalesce(p.centralArrangement, false) THEN null
			                    ELSE p END) AS regular
			}
			WITH province, province.assistanceProgram AS program, partners, regular""";

	private ProvinceCoverage() {
	}

}

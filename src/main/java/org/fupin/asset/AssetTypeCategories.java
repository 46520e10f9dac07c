package org.fupin.asset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which categories fit which asset type: the one table that registering an asset checks
 * and the audit rule {@code CATEGORY_TYPE_MISMATCH} reports against.
 *
 * <p>
 * The guidance on follow-up management of poverty-alleviation project assets
 * (国办函〔2021〕51号) sorts assets into three categories by what they are for:
 * <ul>
 * <li><b>公益性资产</b> (PUBLIC_WELFARE): infrastructure and public-service facilities, e.g.
 * roads and bridges, farmland water works, drinking water, schools, clinics and village
 * service centres. They earn nothing and must be kept working, so a road, bridge,
 * irrigation or water works, school building, clinic or service centre is public welfare
 * only.</li>
 * <li><b>经营性资产</b> (OPERATING): production and employment assets that earn income, e.g.
 * production bases, processing plants, PV stations, workshops and equity. A PV station,
 * workshop, processing plant, cold store or equity stake is operating only.</li>
 * <li><b>到户类资产</b> (ASSIGNED): biological or fixed assets formed for households, whose
 * title goes to the household. Livestock and farm machinery are bought for households,
 * and may also sit in a collective's production base (operating); a greenhouse, orchard
 * or livestock shed is either a collective base (operating) or a household's own
 * (assigned).</li>
 * </ul>
 */
public final class AssetTypeCategories {

	private static final List<String> PUBLIC_WELFARE = List.of("PUBLIC_WELFARE");

	private static final List<String> OPERATING = List.of("OPERATING");

	private static final List<String> OPERATING_OR_ASSIGNED = List.of("OPERATING", "ASSIGNED");

	/** Allowed categories per type (the names of the schema's enums). */
	public static final Map<String, List<String>> ALLOWED = allowed();

	private AssetTypeCategories() {
	}

	private static Map<String, List<String>> allowed() {
		Map<String, List<String>> allowed = new LinkedHashMap<>();
		for (String type : List.of("ROAD", "BRIDGE", "WATER_SUPPLY", "IRRIGATION", "SERVICE_CENTRE", "CLINIC",
				"SCHOOL_BUILDING")) {
			allowed.put(type, PUBLIC_WELFARE);
		}
		for (String type : List.of("PV_STATION", "WORKSHOP", "PROCESSING_PLANT", "COLD_STORE", "EQUITY")) {
			allowed.put(type, OPERATING);
		}
		for (String type : List.of("ORCHARD", "GREENHOUSE", "LIVESTOCK_SHED", "FARM_MACHINERY", "LIVESTOCK")) {
			allowed.put(type, OPERATING_OR_ASSIGNED);
		}
		return Map.copyOf(allowed);
	}

	/** Whether {@code category} fits {@code type}; an unknown type fits nothing. */
	public static boolean fits(String type, String category) {
		return ALLOWED.getOrDefault(type, List.of()).contains(category);
	}

	/** The categories that fit {@code type}. */
	public static Set<String> allowedFor(String type) {
		return Set.copyOf(ALLOWED.getOrDefault(type, List.of()));
	}

}

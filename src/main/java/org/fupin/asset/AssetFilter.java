package org.fupin.asset;

import java.time.LocalDate;

import org.fupin.graphql.ApiException;
import org.fupin.place.PlaceLevel;
import org.fupin.money.Money;

/**
 * The GraphQL {@code AssetFilter}: every given condition must hold.
 *
 * @param placeCode code of any place level; the asset lies in it or below
 * @param ownerId a party owning (a share of) the asset on {@code asOf}
 * @param custodianId credit code of the custodian on {@code asOf}
 * @param operatorId a party operating it under a contract running on {@code asOf}
 * @param asOf the date of the owner, custodian and operator conditions; today when null
 */
public record AssetFilter(String category, String type, String status, String placeCode, String ownerId,
		String custodianId, String operatorId, String fundSourceCode, String projectCode, Money minValue,
		Money maxValue, Integer completionYear, LocalDate asOf) {

	static final AssetFilter NONE = new AssetFilter(null, null, null, null, null, null, null, null, null, null, null,
			null, null);

	static AssetFilter orNone(AssetFilter filter) {
		return (filter != null) ? filter : NONE;
	}

	/**
	 * Checks the values a query cannot answer sensibly; pure, as it runs once per parent.
	 */
	AssetFilter validated(String field) {
		if (this.placeCode != null) {
			PlaceLevel.ofCode(this.placeCode, field + ".placeCode");
		}
		requireNotBlank(this.ownerId, field + ".ownerId");
		requireNotBlank(this.custodianId, field + ".custodianId");
		requireNotBlank(this.operatorId, field + ".operatorId");
		requireNotBlank(this.fundSourceCode, field + ".fundSourceCode");
		requireNotBlank(this.projectCode, field + ".projectCode");
		if (this.minValue != null && this.maxValue != null && this.minValue.compareTo(this.maxValue) > 0) {
			throw ApiException.invalid(field + ".minValue", field + ".minValue (" + this.minValue
					+ ") must not be above " + field + ".maxValue (" + this.maxValue + ").");
		}
		return this;
	}

	/** The same filter with {@code asOf} set to {@code today} when it was not given. */
	AssetFilter withDefaultAsOf(LocalDate today) {
		return (this.asOf != null) ? this : withAsOf(today);
	}

	AssetFilter withAsOf(LocalDate date) {
		return new AssetFilter(this.category, this.type, this.status, this.placeCode, this.ownerId, this.custodianId,
				this.operatorId, this.fundSourceCode, this.projectCode, this.minValue, this.maxValue,
				this.completionYear, date);
	}

	private static void requireNotBlank(String value, String field) {
		if (value != null && value.isBlank()) {
			throw ApiException.invalid(field, field + " must not be blank; leave it out to match any.");
		}
	}

}

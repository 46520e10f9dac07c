package org.fupin.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.fupin.money.Money;
import org.fupin.place.PlaceLevel;

/**
 * The dashboard numbers of one place, or of the whole country ({@code placeCode} and
 * {@code level} null). See {@code schema/dashboard.graphqls}.
 */
public record Dashboard(String placeCode, String name, PlaceLevel level, LocalDate asOf, long assetCount,
		Money assetValue, List<DashboardItem> assetsByCategory, List<DashboardItem> assetsByType,
		List<DashboardItem> assetsByStatus, List<DashboardItem> assetsByCompletionYear,
		List<DashboardItem> incomeByYear, List<DashboardItem> incomeByUse, List<DashboardItem> ownershipByOwnerKind,
		List<DashboardItem> auditFindingsByRule, List<DashboardItem> pairingsByProgram,
		CoverageRatio keyCountiesWithEnterpriseLink, CoverageRatio westernProvincesWithPartner,
		CoverageRatio counterpartProvincesWithSupport) {
}

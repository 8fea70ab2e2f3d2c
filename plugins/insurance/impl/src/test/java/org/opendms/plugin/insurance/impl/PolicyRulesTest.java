package org.opendms.plugin.insurance.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.plugin.insurance.api.PolicyDraft;
import org.opendms.plugin.insurance.api.PolicyKind;
import org.opendms.vehicle.api.EnergyType;
import org.opendms.vehicle.api.Vehicle;

/** Each rule of a policy draft on its own: the field named, the code, and the cleaned value when it passes. */
class PolicyRulesTest {

    private static final Vehicle VEHICLE = new Vehicle(7, "LSVAU218XN2183294", "京A12345", "大众", "帕萨特", 2022, null,
            null, EnergyType.PETROL, 3, null, null, null, true, null, null, "advisor", null, "advisor", 0);
    /** The vehicle file of these tests: vehicle 7 only. */
    private static final PolicyRules.Vehicles FILE = id -> id == 7 ? VEHICLE : null;
    private static final LocalDate START = LocalDate.of(2026, 3, 1);

    private static PolicyDraft draft() {
        return new PolicyDraft(7L, "中国人保", "PDZA2026110100001234", PolicyKind.COMPULSORY, START,
                LocalDate.of(2027, 2, 28), new BigDecimal("950.00"), null);
    }

    private static PolicyDraft with(String field, Object value) {
        PolicyDraft d = draft();
        return new PolicyDraft(
                field.equals("vehicleId") ? (Long) value : d.vehicleId(),
                field.equals("insurer") ? (String) value : d.insurer(),
                field.equals("policyNumber") ? (String) value : d.policyNumber(),
                field.equals("kind") ? (PolicyKind) value : d.kind(),
                field.equals("startDate") ? (LocalDate) value : d.startDate(),
                field.equals("endDate") ? (LocalDate) value : d.endDate(),
                field.equals("premium") ? (BigDecimal) value : d.premium(),
                field.equals("note") ? (String) value : d.note());
    }

    private static Violation refusal(PolicyDraft draft) {
        DmsException e = assertThrows(DmsException.class, () -> PolicyRules.check(draft, FILE));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(1, e.violations().size(), e.getMessage());
        return e.violations().get(0);
    }

    private static void refused(PolicyDraft draft, String field, String code) {
        Violation v = refusal(draft);
        assertEquals(field, v.field(), v.messageEn());
        assertEquals(code, v.code(), v.messageEn());
        assertTrue(!v.messageZh().isBlank() && !v.messageEn().isBlank());
    }

    @Test
    void acceptsAnAnnualPolicyAndCleansIt() {
        PolicyRules.Valid valid = PolicyRules.check(new PolicyDraft(7L, "  中国人保 ", " pdza-2026-0001 ",
                PolicyKind.COMMERCIAL, START, LocalDate.of(2027, 2, 28), new BigDecimal("3200.5"), "  "), FILE);
        assertSame(VEHICLE, valid.vehicle());
        assertEquals("中国人保", valid.insurer());
        assertEquals("PDZA-2026-0001", valid.policyNumber(), "one spelling per number, so duplicates are found");
        assertEquals(new BigDecimal("3200.50"), valid.premium());
        assertNull(valid.note());
    }

    @Test
    void refusesAMissingDraft() {
        assertEquals("", refusal(null).field());
    }

    @Test
    void refusesAMissingVehicle() {
        refused(with("vehicleId", null), "vehicleId", "required");
    }

    @ParameterizedTest
    @ValueSource(longs = { 8, 0, -7 })
    void refusesAVehicleNotInTheVehicleFile(long id) {
        refused(with("vehicleId", id), "vehicleId", "vehicle.unknown");
    }

    @Test
    void refusesAMissingInsurer() {
        refused(with("insurer", " "), "insurer", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "平", "a", " 平 " })
    void refusesAnInsurerOfFewerThanTwoCharacters(String insurer) {
        refused(with("insurer", insurer), "insurer", "insurer.length");
    }

    @Test
    void refusesAnInsurerOfMoreThanFortyCharacters() {
        refused(with("insurer", "保".repeat(41)), "insurer", "insurer.length");
    }

    @Test
    void acceptsInsurersOfTwoAndFortyCharacters() {
        PolicyRules.check(with("insurer", "平安"), FILE);
        PolicyRules.check(with("insurer", "保".repeat(40)), FILE);
    }

    @Test
    void refusesControlCharactersInTheInsurer() {
        refused(with("insurer", "中国\u0000人保"), "insurer", "control_character");
    }

    @Test
    void refusesAMissingPolicyNumber() {
        refused(with("policyNumber", null), "policyNumber", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1234", "PDZA 2026 0001", "保单2026110100001", "PDZA/2026/0001", "PDZA_20260001",
            "P1234567890123456789012345678901234567890" })
    void refusesAPolicyNumberThatIsNotFiveToFortyLettersDigitsOrDashes(String number) {
        refused(with("policyNumber", number), "policyNumber", "policy_number.format");
    }

    @Test
    void refusesAMissingKind() {
        refused(with("kind", null), "kind", "required");
    }

    @Test
    void refusesMissingDates() {
        refused(with("startDate", null), "startDate", "required");
        refused(with("endDate", null), "endDate", "required");
    }

    @Test
    void refusesImplausibleDates() {
        refused(with("startDate", LocalDate.of(1999, 12, 31)), "startDate", "out_of_range");
        refused(with("endDate", LocalDate.of(2101, 1, 1)), "endDate", "out_of_range");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-03-01", "2026-02-28" })
    void refusesAnEndNotAfterTheStart(String end) {
        refused(with("endDate", LocalDate.parse(end)), "endDate", "date.order");
    }

    @Test
    void refusesATermOfMoreThanAYearAndADay() {
        refused(with("endDate", START.plusDays(367)), "endDate", "term.too_long");
        assertEquals(START.plusDays(366), PolicyRules.check(with("endDate", START.plusDays(366)), FILE).endDate());
    }

    @Test
    void refusesAMissingPremium() {
        refused(with("premium", null), "premium", "required");
    }

    @ParameterizedTest
    @CsvSource({ "-0.01, out_of_range", "1000000.01, out_of_range", "12.345, premium.scale", "0.001, premium.scale" })
    void refusesAPremiumOutOfRangeOrWithFractionsOfAFen(String premium, String code) {
        refused(with("premium", new BigDecimal(premium)), "premium", code);
    }

    @ParameterizedTest
    @CsvSource({ "0, 0.00", "1000000, 1000000.00", "12.340, 12.34", "1E+2, 100.00" })
    void acceptsPremiumsFromZeroToAMillionYuan(String premium, String stored) {
        assertEquals(new BigDecimal(stored),
                PolicyRules.check(with("premium", new BigDecimal(premium)), FILE).premium());
    }

    @Test
    void refusesANoteOfMoreThanFiveHundredCharacters() {
        refused(with("note", "备".repeat(501)), "note", "too_long");
        assertEquals("备".repeat(500), PolicyRules.check(with("note", "备".repeat(500)), FILE).note());
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        DmsException e = assertThrows(DmsException.class, () -> PolicyRules.check(
                new PolicyDraft(99L, "x", "12", null, START, START, new BigDecimal("-1"), null), FILE));
        assertEquals(List.of("vehicleId", "insurer", "policyNumber", "kind", "endDate", "premium"),
                e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void theRenewalWindowIsTheConfiguredOneUnlessAskedAndThenOneToAYear() {
        assertEquals(30, PolicyRules.window(null, 30));
        assertEquals(1, PolicyRules.window(1, 30));
        assertEquals(365, PolicyRules.window(365, 30));
        for (int days : new int[] { 0, -5, 366 }) {
            DmsException e = assertThrows(DmsException.class, () -> PolicyRules.window(days, 30));
            assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
            assertEquals("days", e.violations().get(0).field());
        }
    }
}

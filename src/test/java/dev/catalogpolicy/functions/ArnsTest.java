package dev.catalogpolicy.functions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ArnsTest {
  @Test
  void accountOfAnArn() {
    assertEquals("222222222222", Arns.accountOf("arn:aws:iam::222222222222:role/Dev"));
    assertNull(Arns.accountOf("arn:aws:iam:::role/Dev*"));
    assertNull(Arns.accountOf("not-an-arn"));
  }

  @Test
  void sessionActsAsItsRole() {
    assertEquals("arn:aws:iam::222222222222:role/Dev",
        Arns.roleOfSession("arn:aws:sts::222222222222:assumed-role/Dev/alice@example.com"));
    assertNull(Arns.roleOfSession("arn:aws:iam::222222222222:role/Dev"));
  }

  @Test
  void patternsCarryNoAccountAndWildcardsOnlyAfterTheType() {
    assertTrue(Arns.isValidPattern("arn:aws:iam:::role/team/Dev*"));
    assertFalse(Arns.isValidPattern("arn:aws:iam::222222222222:role/Dev*"), "account in pattern");
    assertFalse(Arns.isValidPattern("arn:aws:iam:::ro*/Dev"), "wildcard in the resource type");
    assertFalse(Arns.isValidPattern("arn:aws:iam:::bucket/Dev"));
  }

  @Test
  void starMatchesAnyRunAndQuestionMarkZeroOrOne() {
    assertTrue(Arns.patternMatches("arn:aws:iam:::role/Dev*", "arn:aws:iam::222222222222:role/Developer"));
    assertTrue(Arns.patternMatches("arn:aws:iam:::role/Dev*", "arn:aws:iam::333333333333:role/Dev"));
    assertTrue(Arns.patternMatches("arn:aws:iam:::role/Dev?", "arn:aws:iam::333333333333:role/Dev"));
    assertTrue(Arns.patternMatches("arn:aws:iam:::role/Dev?", "arn:aws:iam::333333333333:role/Dev1"));
    assertFalse(Arns.patternMatches("arn:aws:iam:::role/Dev?", "arn:aws:iam::333333333333:role/Dev12"));
    assertFalse(Arns.patternMatches("arn:aws:iam:::role/Dev*", "arn:aws:iam::222222222222:user/Developer"));
    assertFalse(Arns.patternMatches("arn:aws:iam:::role/a.b", "arn:aws:iam::222222222222:role/aXb"), "dot is literal");
  }

  @Test
  void localRoleIsInTheUsersAccount() {
    assertEquals("arn:aws:iam::222222222222:role/SCLaunch", Arns.localRole("222222222222", "SCLaunch"));
  }

  @Test
  void globAgreesWithTheRegularExpressionItReplaces() {
    java.util.Random r = new java.util.Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder pat = new StringBuilder(), regex = new StringBuilder(), text = new StringBuilder();
      for (int i = r.nextInt(7); i > 0; i--) {
        char c = "ab*?".charAt(r.nextInt(4));
        pat.append(c);
        regex.append(c == '*' ? ".*" : c == '?' ? ".?" : String.valueOf(c));
      }
      for (int i = r.nextInt(7); i > 0; i--) text.append("ab".charAt(r.nextInt(2)));
      assertEquals(text.toString().matches(regex.toString()), Arns.glob(pat.toString(), text.toString()), pat + " vs " + text);
    }
  }

  @Test
  void aPatternOfManyWildcardsIsDecided() {
    String pattern = "arn:aws:iam:::role/" + "*a".repeat(30) + "*b";
    assertFalse(Arns.patternMatches(pattern, "arn:aws:iam::111111111111:role/" + "a".repeat(60)));
    assertTrue(Arns.patternMatches(pattern, "arn:aws:iam::111111111111:role/" + "a".repeat(60) + "b"));
  }
}

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
}

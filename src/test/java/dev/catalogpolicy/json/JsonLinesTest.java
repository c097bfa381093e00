package dev.catalogpolicy.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonLinesTest {
  private static final String DOC = """
      {
        "name": "x",
        "steps": [
          { "id": "a",
            "input": { "PortfolioId": "p" } },
          { "id": "b",
            "input": {
              "PortfolioId": 5 } }
        ]
      }
      """;

  @Test
  void findsTheLineOfAPath() {
    assertEquals(2, JsonLines.lineOf(DOC, "$.name"));
    assertEquals(5, JsonLines.lineOf(DOC, "$.steps[0].input.PortfolioId"));
    assertEquals(8, JsonLines.lineOf(DOC, "$.steps[1].input.PortfolioId"));
  }

  @Test
  void aMissingKeyPointsAtItsParent() {
    assertEquals(7, JsonLines.lineOf(DOC, "$.steps[1].input.ProductId"));
  }
}

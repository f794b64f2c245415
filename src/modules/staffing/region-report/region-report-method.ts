// The region report's method appendix in plain Swedish: where the figures come from, the small-count rule, and how
// the forecast is made (decision 009 says the same in English, with the formulas).

type Paragraph = { heading: string; text: string };

export const METHOD_STATISTICS = (minCount: number): Paragraph[] => [
  {
    heading: 'Underlaget',
    text:
      'Siffrorna kommer från kommunernas rapporter för perioden i Kompetensnav, men bara de rapporter som har ' +
      'godkänts. Utkast, inskickade men ännu inte godkända och återförda rapporter ingår inte. Kommunerna rapporterar ' +
      'personalen per yrke på referensdagen (månadsavlönade), invånare och patienter inskrivna i den kommunala hälso- ' +
      'och sjukvården. Rapporten skapas ur de uppgifter som gäller när den skapas; en ny rapport visar alltid läget just då.',
  },
  {
    heading: 'Små tal döljs',
    text:
      `Ett antal personer från 1 till ${minCount - 1} visas som "..". Det gör att ingen enskild person kan pekas ut. ` +
      'För att ett dolt tal inte ska kunna räknas fram ur en summa döljs ibland också ett annat tal i samma rad eller ' +
      'kolumn, och årsarbetare döljs där antalet personer är dolt. Regionens summor och kolumnen Alla yrken räknas på ' +
      'kommunernas verkliga tal, så en summa kan vara större än de tal som syns. Rapporten visar samma siffror som den ' +
      'öppna statistiken och kan därför delas med alla. "–" betyder att uppgiften saknas.',
  },
  {
    heading: 'Årsarbetare och tjänster',
    text:
      'Avtalad sysselsättning är summan av de anställdas sysselsättningsgrader (två halvtider blir en årsarbetare). ' +
      'Faktisk sysselsättning räknar med utökningar och minskningar. Budgeterade, tillsatta och vakanta tjänster anges ' +
      'i årsarbetare; tillsatta och vakanta blir tillsammans de budgeterade.',
  },
  {
    heading: 'Nyckeltal',
    text:
      'Nyckeltalen räknas för alla yrken tillsammans, för varje kommun och för regionen (regionens summor delade med ' +
      'varandra). Medianen är det mittersta av kommunernas värden. Ett nyckeltal döljs när något av talen det räknas ' +
      'fram ur är dolt, och medianen döljs när den skulle vara lika med ett dolt värde. Formlerna står under tabellen ' +
      'Nyckeltal.',
  },
  {
    heading: 'Det som inte visas per kommun',
    text:
      'Fördelningar på åldersgrupper, specialistinriktningar, andra kompetenser, frånvaroorsaker och visstidsanställda ' +
      'visas inte per kommun i en delad rapport, eftersom de ofta är små tal. Kommunens egna användare ser dem i ' +
      'Kompetensnav.',
  },
];

export const METHOD_FORECAST = (retirementAge: number): Paragraph[] => [
  {
    heading: 'SKR:s flödesmetod',
    text:
      'Prognosen räknar på samma sätt som Sveriges Kommuner och Regioner (SKR) i sin personalprognos. Rekryteringsbehovet ' +
      'ett år är hur mycket efterfrågan på personal ändras det året, plus alla som går i pension under året (och, om ' +
      'regionen har angett en personalomsättning, de som slutar av andra skäl). Behovet över 5 och 10 år är summan av ' +
      'åren. Prognosen räknar i personer, inte i årsarbetare.',
  },
  {
    heading: 'Dagens personal och pensionerna',
    text:
      'Kommunerna rapporterar antalet anställda i åldersgrupper. Inom en grupp antas personerna vara jämnt spridda över ' +
      'gruppens år; den yngsta gruppen antas börja vid 20 år. En person går i pension det år hen fyller ' +
      `${retirementAge} år, och den som redan har fyllt ${retirementAge} antas gå i pension första prognosåret. ` +
      'Saknar ett yrke åldersgrupper räknas inga pensioneringar för det, och det står då under Om underlaget.',
  },
  {
    heading: 'Efterfrågan följer de äldsta invånarna',
    text:
      'Behovet av personal antas följa antalet invånare 80 år och äldre i kommunen: blir de 10 procent fler behövs 10 ' +
      'procent mer personal, med samma personaltäthet som i dag. Befolkningen hämtas från befolkningsprognosen i ' +
      'Kompetensnav; saknas ett år används det senaste året före. Regionen kan i stället välja en viktning av ' +
      'åldersgrupperna, och det står då bland antagandena.',
  },
  {
    heading: 'Scenarier',
    text:
      'Bredvid grundprognosen räknas scenarier som i SKR:s rapport: deltidsanställda arbetar fler timmar i veckan (då ' +
      'räcker färre personer till samma arbete, högst upp till heltid), pensionen tas ut ett år senare, och ' +
      'personaltätheten blir lägre genom nya arbetssätt. Texten visar hur mycket behovet över 5 och 10 år ändras ' +
      'jämfört med grundprognosen.',
  },
  {
    heading: 'Det som inte räknas med',
    text:
      'De som rekryteras under prognosåren antas stanna; deras egna pensioneringar och avgångar räknas inte. Dödsfall, ' +
      'sjukersättning, utbildningsplatser och att förändringar införs gradvis räknas inte heller. Prognosen visar ' +
      'storleksordningen och vad som påverkar den, inte exakt hur många som kommer att behövas.',
  },
  {
    heading: 'Regionens siffror',
    text:
      'Regionens behov är summan av kommunernas. Kommuner utan godkänd rapport för perioden ingår inte. Talen avrundas ' +
      'till hela personer i tabellerna, så en summa kan skilja sig någon person från raderna.',
  },
];

/**
 * A small German word list for splitting compounds: frequent parts of the compound words a neighbourhood site
 * uses (places, services, groups of people, activities). Together with the site's own words it decides where a
 * compound may be split. Lower case, singular; the splitter also accepts common inflected forms.
 * Short words (three letters) are only accepted as parts when they are listed here.
 */
const LIST = `
abend alltag alter amt angebot anlage anmeldung arbeit arzt ärztin atelier aufruf ausbildung ausflug ausgabe
ausstellung auto bad bahn bank bau baum bedarf begegnung beirat beitrag beratung bereich bericht beruf besuch
betreuung bewegung bewohner bezirk bibliothek bild bildung blatt blume boden bolz brief brücke buch bücher
bude bühne bürger büro café chor club dach dienst dorf eltern ende energie engagement entwicklung erziehung
essen fach fahrrad fahrt familie farbe feld fenster ferien fest feuer film finanz flur fonds forum frage
frau freizeit freund frieden frühstück führung funk fuß garten gast gebet gebiet geld gemeinde gemeinschaft
gesellschaft gespräch gesundheit gewerbe glas grün gruppe gymnastik hafen halle hand handlung haus heim hilfe
himmel hitze hof hort hund information initiative integration jahr jahres jugend jury kaffee kalender kammer
karte keller kind kinder kiosk kirche kita klasse kleid klima klub koch konzept konzert kosten kraft kreis
küche kultur kunst kurs laden land lauf leben lehrer leitung lern lese licht linde liste markt material
medizin meister miete mieter migration mittag mittel mobil mode monat morgen mühle museum musik mutter nacht
nachbar nachbarschaft nachhilfe netz netzwerk not notfall park partner person pflege plan platz politik
post praxis preis programm projekt protokoll punkt quartier rad rat raum recht rede regel reise rente
rollstuhl ruhe runde saal sache sammlung schlüssel schuld schuldner schule schüler schutz schwimm see
senior senioren sitzung sommer sozial spende spiel sport sprach sprache sprech stadt stadtteil stand stätte
stelle stiftung straße stube stunde tafel tag tages tanz team teil telefon theater tier tisch treff
treffen treffpunkt tür turn umwelt unterricht unterstützung verein verkehr versammlung verwaltung viertel
volk vorstand wagen wald wand wasser weg weide welt werk werkstatt wiese winter wirtschaft wissen woche wohn
wohnung zeit zeitung zentrum zimmer zukunft zwerg
ausweis antrag geburt hebamme impf jobcenter kasse kranken pass schwanger sucht tages zahn
abenteuer ball eis fitness kletter rasen rutsche sand schaukel tisch tennis tor zaun
apotheke gesundheit hospiz klinik pflegedienst psych therapie
beschäftigung gelegenheit förderung hilfen integration qualifizierung sprachkurs
eltern einrichtung familien krippe mütter väter
begrünung fassade generation grund umfeld hinter hofbegrünung müll putz reinigung sauber
`;

/** The shipped words (lower case). */
export const GERMAN_WORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/**
 * Function words and endings that look like words: never accepted as a compound part, even when the site
 * uses them (so „Bürgerinnen" is not split into „Bürger" + „innen", „Einrichtung" not into „ein" + „richtung").
 */
export const NEVER_PARTS: ReadonlySet<string> = new Set(
	`aber alle allem allen aller alles also auch auf aus bei beim bis dann dass dem den der des dessen die dies diese
	diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines einmal etwa gegen ganz hier ihre
	ihrem ihren ihrer immer jede jedem jeden jeder jedes kann keine mehr mit nach nicht noch nur oder ohne
	sehr seit sich sind schon soll über unter und vom von vor wenn werden wieder will wird zum zur zwischen innen
	chen lein heit keit ung ungen schaft schaften ling nis tum isch lich ig bar sam haft los voll reich
	inne nung tung rung lung`
		.split(/\s+/)
		.filter(Boolean),
);

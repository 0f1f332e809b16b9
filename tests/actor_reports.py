"""Short reports of frontline events from wars, insurgencies and unrest of many decades that
the actor table has no rows for, written for these tests, each with the two actors an ACLED
coder would give its event (as a set: who attacked and who was attacked or fought back).

The names are ACLED's forms: "Military Forces of X" and "Police Forces of X" for a state's
forces (those of the country the event is in when the text names none), "Civilians (X)",
"Protesters (X)", "Unidentified Armed Group (X)" for attackers nobody names, and an armed
group as the text names it ("ACRONYM: Full Name" when it gives both, without the word for
its members: "Ninja militiamen" are the ``Ninja Militia``)."""

from __future__ import annotations

from datetime import date

from geo.eval.coded import same_actors
from geo.parse.coding import PROTESTS
from geo.records import Article, Event

#: (report, the two actors of its frontline event).
ACTOR_REPORTS: list[tuple[str, frozenset[str]]] = [
    # Kenya, the Mount Elgon insurgency.
    (
        "Militiamen of the Sabaot Land Defence Force raided a village near Kimilili on Tuesday night, "
        "killing four people, police said. The victims had refused to pay a levy the group demanded.",
        frozenset({"Sabaot Land Defence Force", "Civilians (Kenya)"}),
    ),
    (
        "Soldiers killed 12 members of the Sabaot Land Defence Force in a raid on a hideout near Kapsokwony, "
        "the army said on Sunday. Residents said the operation had lasted two days.",
        frozenset({"Military Forces of Kenya", "Sabaot Land Defence Force"}),
    ),
    # Kenya, unrest after an election.
    (
        "Police fired live rounds at demonstrators in Kisumu on Wednesday, killing three, witnesses said. "
        "The protesters had blocked roads to denounce the election result.",
        frozenset({"Police Forces of Kenya", "Protesters (Kenya)"}),
    ),
    # Nicaragua, the Contra war.
    (
        "Rebels of the Nicaraguan Democratic Force (FDN) ambushed a truck carrying coffee pickers near Jinotega "
        "on Saturday, killing six civilians, the defence ministry said.",
        frozenset({"FDN: Nicaraguan Democratic Force", "Civilians (Nicaragua)"}),
    ),
    (
        "Government troops clashed with rebels of the Nicaraguan Democratic Force near Esteli on Thursday. "
        "The army said 15 rebels and two soldiers were killed.",
        frozenset({"Military Forces of Nicaragua", "Nicaraguan Democratic Force"}),
    ),
    # Guatemala, the civil war.
    (
        "Guerrillas of the Guerrilla Army of the Poor attacked an army post in Nebaj on Monday, "
        "killing three soldiers, a military spokesman said.",
        frozenset({"Guerrilla Army of the Poor", "Military Forces of Guatemala"}),
    ),
    (
        "Twenty-three villagers were killed by soldiers in a hamlet near Rabinal, survivors told a church "
        "commission. The army denied the account.",
        frozenset({"Military Forces of Guatemala", "Civilians (Guatemala)"}),
    ),
    # Papua New Guinea, Bougainville.
    (
        "Members of the Bougainville Revolutionary Army ambushed a patrol near Arawa on Wednesday, "
        "killing two soldiers, officials said.",
        frozenset({"Bougainville Revolutionary Army", "Military Forces of Papua New Guinea"}),
    ),
    (
        "Troops burned houses and shot dead a village elder during a sweep near Panguna on Friday, residents said.",
        frozenset({"Military Forces of Papua New Guinea", "Civilians (Papua New Guinea)"}),
    ),
    # Niger, the Tuareg rebellion of 2007.
    (
        "The Niger Movement for Justice (MNJ) said its fighters attacked an army base near Iferouane on Sunday, "
        "killing seven soldiers.",
        frozenset({"MNJ: Niger Movement for Justice", "Military Forces of Niger"}),
    ),
    (
        "Soldiers shot dead three herders near Agadez on Tuesday, accusing them of supplying the rebels, "
        "a local official said.",
        frozenset({"Military Forces of Niger", "Civilians (Niger)"}),
    ),
    # Namibia, the border war.
    (
        "South African troops killed 31 guerrillas of the People's Liberation Army of Namibia in a clash "
        "near Oshakati, a military spokesman said.",
        frozenset({"Military Forces of South Africa", "People's Liberation Army of Namibia"}),
    ),
    (
        "A bomb exploded in a bank in Oshakati on Tuesday, killing 21 people, the police said. "
        "No group said it had planted it.",
        frozenset({"Unidentified Armed Group (Namibia)", "Civilians (Namibia)"}),
    ),
    # Republic of Congo, the Pool conflict.
    (
        "Ninja militiamen attacked a train near Mindouli on Sunday, killing three railway workers, "
        "the government said.",
        frozenset({"Ninja Militia", "Civilians (Republic of Congo)"}),
    ),
    (
        "Government forces shelled villages around Kinkala on Friday, killing at least five civilians, residents said.",
        frozenset({"Military Forces of Republic of Congo", "Civilians (Republic of Congo)"}),
    ),
    # Tunisia, the Chaambi insurgency.
    (
        "Militants of the Okba Ibn Nafaa Brigade killed two soldiers in an ambush near Kasserine on Wednesday, "
        "the defence ministry said.",
        frozenset({"Okba Ibn Nafaa Brigade", "Military Forces of Tunisia"}),
    ),
    (
        "Gunmen attacked a police checkpoint near Sidi Bouzid overnight, killing two policemen, "
        "the interior ministry said.",
        frozenset({"Unidentified Armed Group (Tunisia)", "Police Forces of Tunisia"}),
    ),
    (
        "A shepherd was killed by militants of the Okba Ibn Nafaa Brigade near Sbeitla on Saturday, "
        "officials said. His brother said the men had accused him of informing on them.",
        frozenset({"Okba Ibn Nafaa Brigade", "Civilians (Tunisia)"}),
    ),
    # Benin, attacks in the north.
    (
        "Unidentified gunmen attacked a police station in Natitingou on Thursday, killing a police officer, "
        "the government said.",
        frozenset({"Unidentified Armed Group (Benin)", "Police Forces of Benin"}),
    ),
    (
        "Soldiers repelled an attack by armed men on their position near Tanguieta, the army said, "
        "adding that two assailants were killed.",
        frozenset({"Military Forces of Benin", "Unidentified Armed Group (Benin)"}),
    ),
    (
        "Two park rangers were killed by gunmen near Kandi on Monday, the park's managers said.",
        frozenset({"Unidentified Armed Group (Benin)", "Civilians (Benin)"}),
    ),
    # Timor-Leste, the occupation and the militias of 1999.
    (
        "Falintil guerrillas ambushed an Indonesian army patrol near Baucau on Sunday, killing three soldiers, "
        "the resistance said.",
        frozenset({"Falintil", "Military Forces of Indonesia"}),
    ),
    (
        "Members of the Besi Merah Putih militia killed five refugees sheltering in a church in Liquica "
        "on Tuesday, a priest said.",
        frozenset({"Besi Merah Putih Militia", "Civilians (Timor-Leste)"}),
    ),
    # Bangladesh, the protests of 2024.
    (
        "Police fired tear gas and rubber bullets at students protesting job quotas in Rangpur on Tuesday. "
        "A student was killed, hospital officials said.",
        frozenset({"Police Forces of Bangladesh", "Protesters (Bangladesh)"}),
    ),
    (
        "Security forces opened fire on demonstrators in Narsingdi on Friday, killing four, witnesses said. "
        "The government has imposed a curfew.",
        frozenset({"Military Forces of Bangladesh", "Protesters (Bangladesh)"}),
    ),
    # Eritrea and Ethiopia, the border war.
    (
        "Eritrean artillery shelled the town of Adigrat on Sunday, killing eight civilians, "
        "the Ethiopian government said.",
        frozenset({"Military Forces of Eritrea", "Civilians (Ethiopia)"}),
    ),
    (
        "Ethiopian troops clashed with Eritrean forces near Badme on Tuesday, with both sides claiming heavy losses.",
        frozenset({"Military Forces of Ethiopia", "Military Forces of Eritrea"}),
    ),
    # Kyrgyzstan and Tajikistan, the border clashes.
    (
        "Tajik troops fired mortars at border posts near Batken on Friday, killing two Kyrgyz border guards, "
        "officials in Bishkek said.",
        frozenset({"Military Forces of Tajikistan", "Military Forces of Kyrgyzstan"}),
    ),
    # Guinea, a rally fired on.
    (
        "Soldiers opened fire on opposition supporters rallying in a stadium in Conakry on Monday, "
        "killing dozens, a rights group said.",
        frozenset({"Military Forces of Guinea", "Protesters (Guinea)"}),
    ),
    # Solomon Islands, the ethnic tension.
    (
        "Fighters of the Isatabu Freedom Movement burned the homes of settlers near Honiara on Saturday, "
        "killing two men, police said.",
        frozenset({"Isatabu Freedom Movement", "Civilians (Solomon Islands)"}),
    ),
    (
        "The Malaita Eagle Force said it had killed three members of the Isatabu Freedom Movement "
        "in a clash near Honiara on Thursday.",
        frozenset({"Malaita Eagle Force", "Isatabu Freedom Movement"}),
    ),
    # Zimbabwe, Matabeleland in the 1980s.
    (
        "Soldiers rounded up villagers near Lupane and shot 22 of them, survivors told church workers.",
        frozenset({"Military Forces of Zimbabwe", "Civilians (Zimbabwe)"}),
    ),
    # Georgia, the war in Abkhazia.
    (
        "Abkhaz separatists shelled the centre of Sukhumi on Thursday, killing six civilians, Georgian officials said.",
        frozenset({"Abkhaz Separatists", "Civilians (Georgia)"}),
    ),
    (
        "Government troops fought Abkhaz separatists for the town of Gagra on Monday, the defence "
        "ministry said. Four soldiers were killed.",
        frozenset({"Military Forces of Georgia", "Abkhaz Separatists"}),
    ),
    # Moldova, Transnistria in 1992.
    (
        "Fighting broke out in Bender on Friday between police and Transnistrian separatists. "
        "At least ten people were killed, officials said.",
        frozenset({"Police Forces of Moldova", "Transnistrian Separatists"}),
    ),
    # Indonesia, the Moluccan conflict.
    (
        "Laskar Jihad fighters attacked a village near Ambon on Sunday, killing 12 people and burning "
        "a church, police said.",
        frozenset({"Laskar Jihad", "Civilians (Indonesia)"}),
    ),
    # Oman, the Dhofar rebellion.
    (
        "Rebels of the Popular Front for the Liberation of Oman shelled an army camp near Salalah with mortars "
        "on Tuesday, killing two soldiers.",
        frozenset({"Popular Front for the Liberation of Oman", "Military Forces of Oman"}),
    ),
    # Malaysia, the Emergency.
    (
        "Guerrillas of the Malayan National Liberation Army ambushed a police patrol near Ipoh on Sunday, "
        "killing four constables, the police said.",
        frozenset({"Malayan National Liberation Army", "Police Forces of Malaysia"}),
    ),
    # Eritrea, the war of independence.
    (
        "Fighters of the Eritrean People's Liberation Front overran an Ethiopian army garrison near Keren, "
        "killing hundreds of soldiers, the front said on Saturday.",
        frozenset({"Eritrean People's Liberation Front", "Military Forces of Ethiopia"}),
    ),
]


def frontline_pair(pipeline, text: str) -> frozenset[str]:
    """The actors of the first frontline event ``pipeline`` finds in ``text``, else of its first
    protest (a crowd fired on is a protest to the event model, and ACLED's protests have actors
    too); none when it finds neither."""
    events: list[Event] = pipeline.events(Article(text, published=date(2025, 3, 4), article_id="actor-report"))
    first = next((e for e in events if e.event_type == "frontline"), None) or next(
        (e for e in events if (e.event_type, e.sub_event_type) in PROTESTS), None
    )
    return frozenset(a for a in (first.actor1, first.actor2) if a) if first is not None else frozenset()


def actor_misses(
    pipeline, reports: list[tuple[str, frozenset[str]]] = ACTOR_REPORTS
) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(report, actors wanted, actors coded) of every report of ``reports`` whose event the pipeline codes wrong."""
    wrong = []
    for text, want in reports:
        got = frontline_pair(pipeline, text)
        if not same_actors(got, want):
            wrong.append((text, want, got))
    return wrong

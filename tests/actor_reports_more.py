"""A second set of short reports from wars, insurgencies and unrest that neither the actor
table, the coded set nor ``actor_reports`` covers, written for these tests in the same shape
and naming (see ``tests.actor_reports``). They lean on what the first set left untried: a
state's police or guard named by its own title ("the Jamaica Constabulary Force", "the
Cypriot National Guard"), a group named one way and then another, bombs that hit soldiers or
police, and people who protest or riot under other words."""

from __future__ import annotations

#: (report, the two actors of its frontline event).
MORE_ACTOR_REPORTS: list[tuple[str, frozenset[str]]] = [
    # North Macedonia, the insurgency of 2001.
    (
        "Fighters of the National Liberation Army (NLA) ambushed a police patrol near Tetovo on Sunday, "
        "killing three policemen, the interior ministry said.",
        frozenset({"NLA: National Liberation Army", "Police Forces of North Macedonia"}),
    ),
    (
        "Macedonian army helicopters pounded positions of the National Liberation Army in the hills above "
        "Kumanovo on Tuesday, the defence ministry said. It said 20 rebels had been killed.",
        frozenset({"Military Forces of North Macedonia", "National Liberation Army"}),
    ),
    (
        "A landmine destroyed an army truck on the road north of Tetovo on Monday, killing eight soldiers, "
        "the defence ministry said. No group said it had laid the mine.",
        frozenset({"Unidentified Armed Group (North Macedonia)", "Military Forces of North Macedonia"}),
    ),
    # Croatia, the war of 1991.
    (
        "Gunmen ambushed a National Guard patrol near Pakrac on Sunday, killing two guardsmen, "
        "officials in Zagreb said.",
        frozenset({"Unidentified Armed Group (Croatia)", "Military Forces of Croatia"}),
    ),
    (
        "Croatian police clashed with Krajina Serb militiamen near Plitvice on Sunday. One policeman and one "
        "militiaman were killed, officials said.",
        frozenset({"Police Forces of Croatia", "Krajina Serb Militia"}),
    ),
    (
        "Members of the Croatian National Guard came under mortar fire near Vukovar on Monday from Krajina Serb "
        "militiamen, a Croatian spokesman said. Four guardsmen were killed.",
        frozenset({"Krajina Serb Militia", "Military Forces of Croatia"}),
    ),
    # Djibouti, the Afar insurgency.
    (
        "Rebels of the Front for the Restoration of Unity and Democracy (FRUD) attacked an army post near "
        "Tadjourah on Wednesday, killing five soldiers, the government said.",
        frozenset({"FRUD: Front for the Restoration of Unity and Democracy", "Military Forces of Djibouti"}),
    ),
    (
        "The Djiboutian army said it had killed 14 fighters of the Front for the Restoration of Unity and "
        "Democracy in fighting near Obock on Tuesday.",
        frozenset({"Military Forces of Djibouti", "Front for the Restoration of Unity and Democracy"}),
    ),
    # Madagascar, the crisis of 2009.
    (
        "Soldiers of the Presidential Guard opened fire on opposition supporters marching on the palace in "
        "Antananarivo on Saturday, killing at least 28, hospital officials said.",
        frozenset({"Military Forces of Madagascar", "Protesters (Madagascar)"}),
    ),
    (
        "Gunmen attacked a gendarmerie post near Ihosy on Thursday, killing two gendarmes, the gendarmerie said.",
        frozenset({"Unidentified Armed Group (Madagascar)", "Military Forces of Madagascar"}),
    ),
    # Kazakhstan, the unrest of January 2022.
    (
        "Police shot dead 26 armed rioters in Almaty overnight after crowds stormed the mayor's office, "
        "the interior ministry said on Thursday.",
        frozenset({"Police Forces of Kazakhstan", "Rioters (Kazakhstan)"}),
    ),
    (
        "Rioters armed with stolen rifles attacked a police station in Taldykorgan on Wednesday, killing two "
        "police officers, officials said.",
        frozenset({"Rioters (Kazakhstan)", "Police Forces of Kazakhstan"}),
    ),
    # Uzbekistan, Karakalpakstan in 2022.
    (
        "Security forces fired on protesters in Nukus on Saturday, killing 18, after crowds marched against "
        "plans to end the region's autonomy, officials said.",
        frozenset({"Military Forces of Uzbekistan", "Protesters (Uzbekistan)"}),
    ),
    # Chile, the unrest of 2019.
    (
        "Police fired rubber pellets at protesters in Valparaiso on Friday, blinding a student, a rights group said.",
        frozenset({"Police Forces of Chile", "Protesters (Chile)"}),
    ),
    (
        "Soldiers shot dead a young man who was looting a supermarket in La Serena on Sunday night during "
        "a curfew, prosecutors said.",
        frozenset({"Military Forces of Chile", "Civilians (Chile)"}),
    ),
    # Bolivia, the crisis of 2019.
    (
        "Soldiers and police opened fire on coca growers marching towards Cochabamba near Sacaba on Friday, "
        "killing nine, the ombudsman's office said.",
        frozenset({"Military Forces of Bolivia", "Protesters (Bolivia)"}),
    ),
    (
        "Officers of the Bolivian National Police fired tear gas at miners protesting in La Paz on Tuesday, "
        "and one miner was killed, a union leader said.",
        frozenset({"Police Forces of Bolivia", "Protesters (Bolivia)"}),
    ),
    # Honduras, the coup of 2009.
    (
        "Soldiers fired on thousands of supporters of the ousted president who had marched to the airport in "
        "Tegucigalpa on Sunday, killing a teenager, witnesses said.",
        frozenset({"Military Forces of Honduras", "Protesters (Honduras)"}),
    ),
    # Jamaica, west Kingston in 2010.
    (
        "Gunmen opened fire on a patrol of the Jamaica Constabulary Force in west Kingston on Sunday, killing "
        "two constables, the police said.",
        frozenset({"Unidentified Armed Group (Jamaica)", "Police Forces of Jamaica"}),
    ),
    (
        "Soldiers of the Jamaica Defence Force exchanged fire with gunmen in Tivoli Gardens in Kingston on "
        "Tuesday, and at least 30 people were killed, officials said.",
        frozenset({"Military Forces of Jamaica", "Unidentified Armed Group (Jamaica)"}),
    ),
    # Trinidad and Tobago, the uprising of 1990.
    (
        "Gunmen of the Jamaat al Muslimeen stormed the police headquarters in Port of Spain on Friday, "
        "killing a policeman, officials said.",
        frozenset({"Jamaat al Muslimeen", "Police Forces of Trinidad and Tobago"}),
    ),
    # Eswatini, the unrest of 2021.
    (
        "Officers of the Royal Eswatini Police Service fired live rounds at pro-democracy protesters in "
        "Manzini on Tuesday, killing two, a rights group said.",
        frozenset({"Police Forces of eSwatini", "Protesters (eSwatini)"}),
    ),
    (
        "Troops of the Umbutfo Eswatini Defence Force shot dead three men in Manzini on Thursday during a "
        "curfew, relatives said.",
        frozenset({"Military Forces of eSwatini", "Civilians (eSwatini)"}),
    ),
    # South Africa, a strike at a platinum mine in 2012.
    (
        "Officers of the South African Police Service opened fire on striking miners near Rustenburg on "
        "Thursday, killing 34, the police said.",
        frozenset({"Police Forces of South Africa", "Protesters (South Africa)"}),
    ),
    # Bahrain, the uprising of 2011.
    (
        "Riot police fired birdshot at protesters in Sitra on Tuesday, killing a man, the opposition said.",
        frozenset({"Police Forces of Bahrain", "Protesters (Bahrain)"}),
    ),
    (
        "A bomb exploded beside a police bus in Sitra on Saturday, killing two policemen, the interior "
        "ministry said. No group said it had planted it.",
        frozenset({"Unidentified Armed Group (Bahrain)", "Police Forces of Bahrain"}),
    ),
    # Saudi Arabia, Awamiyah in 2017.
    (
        "Gunmen fired on a security patrol in Awamiyah on Wednesday, killing two members of the security "
        "forces, the interior ministry said.",
        frozenset({"Unidentified Armed Group (Saudi Arabia)", "Military Forces of Saudi Arabia"}),
    ),
    (
        "A roadside bomb struck an armoured vehicle of the Saudi special forces near Qatif on Monday, "
        "killing a soldier, the ministry said.",
        frozenset({"Unidentified Armed Group (Saudi Arabia)", "Military Forces of Saudi Arabia"}),
    ),
    # Laos, the Hmong insurgency.
    (
        "Hmong rebels ambushed a bus on the road north of Vang Vieng on Sunday, killing 12 passengers, "
        "state media said.",
        frozenset({"Hmong", "Civilians (Laos)"}),
    ),
    (
        "Troops of the Lao People's Army shelled a rebel camp near Phonsavan on Monday, killing eight "
        "Hmong fighters, a former rebel said.",
        frozenset({"Military Forces of Laos", "Hmong"}),
    ),
    # Cyprus, the war of 1974.
    (
        "Turkish warplanes bombed positions of the Cypriot National Guard near Kyrenia on Saturday, "
        "the government in Nicosia said.",
        frozenset({"Military Forces of Turkey", "Military Forces of Cyprus"}),
    ),
    (
        "Soldiers of the National Guard shelled Turkish Cypriot villages near Famagusta on Sunday, killing "
        "at least five villagers, Turkish Cypriot leaders said.",
        frozenset({"Military Forces of Cyprus", "Civilians (Cyprus)"}),
    ),
    # Ghana, the Bawku conflict.
    (
        "Gunmen shot dead three people at a market in Bawku on Monday, police said, in the latest violence "
        "between two communities of the town.",
        frozenset({"Unidentified Armed Group (Ghana)", "Civilians (Ghana)"}),
    ),
    (
        "Soldiers on patrol in Bawku shot dead two young men who fled a checkpoint on Saturday, residents said.",
        frozenset({"Military Forces of Ghana", "Civilians (Ghana)"}),
    ),
    # Albania, the unrest of 1997.
    (
        "Armed rioters stormed a police station in Vlore on Sunday and seized its weapons; two policemen "
        "were killed, officials said.",
        frozenset({"Rioters (Albania)", "Police Forces of Albania"}),
    ),
    (
        "A roadside bomb hit a police jeep near Shkoder on Friday, killing three officers, the police said. "
        "Nobody said they had planted it.",
        frozenset({"Unidentified Armed Group (Albania)", "Police Forces of Albania"}),
    ),
]

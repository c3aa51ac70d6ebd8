// Deutsch. Anrede „Sie“, wie in der internen Kommunikation einer Bank üblich.
import type { Dictionary } from './types.ts';

export const de = {
  // App shell
  'shell.skip': 'Zum Inhalt springen',
  'shell.footer':
    'Greenroom – sagen Sie, was nicht funktioniert, was besser werden könnte und wer geholfen hat. Anonym.',
  'shell.footer.anonymity': 'So wird Ihre Anonymität geschützt',
  'shell.footer.transparency': 'Wer sich angemeldet hat, Team für Team',
  'shell.language': 'Sprache',
  'nav.home': 'Greenroom Startseite',
  'nav.main': 'Hauptnavigation',
  'nav.menu': 'Menü',
  'nav.suggest': 'Vorschlag',
  'nav.board': 'Gesagt, getan',
  'nav.themes': 'Themen',
  'nav.kudos': 'Dankeschön',
  'nav.handoff': 'Übergabe bewerten',
  'nav.journeys': 'Kundenwege',
  'nav.focusGroups': 'Fokusgruppen',
  'nav.mine': 'Meine Vorschläge',
  'nav.wallet': 'Meine Wallet',
  'nav.news': { one: '({count} mit Neuigkeiten)', other: '({count} mit Neuigkeiten)' },
  'nav.staffSignIn': 'Anmeldung Moderation',
  'nav.console': 'Konsole',
  'nav.admin': 'Admin',
  'nav.account': 'Ihr Konto ({role})',
  'nav.signOut': 'Abmelden',

  // Shared words
  'common.loading': 'Wird geladen …',
  'common.openingWallet': 'Ihre Wallet wird geöffnet …',
  'common.makeSuggestion': 'Vorschlag machen',

  // Home
  'home.title': 'Sagen Sie es hier. Niemand erfährt, dass es von Ihnen kam.',
  'home.lead':
    'Was nicht funktioniert, was besser werden könnte und wer geholfen hat – gerade die Teams im Hintergrund, die Kundinnen und Kunden nie zu sehen bekommen. Greenroom kann nicht erkennen, wer was geschrieben hat: nicht Ihre Führungskraft, nicht die IT, nicht wir.',
  'home.thankTeam': 'Einem Team danken',
  'home.howAnonymity': 'So funktioniert die Anonymität',
  'home.enrol.label': 'Anmelden',
  'home.enrol.new': 'Neu hier?',
  'home.enrol.text': 'Melden Sie diesen Browser mit dem Code von Ihrem Willkommensblatt an, um mitzumachen.',
  'home.enrol.button': 'Jetzt anmelden',
  'home.steps': 'So funktioniert Greenroom',
  'home.step1.title': 'Einmal anmelden',
  'home.step1.text':
    'Geben Sie den Code von Ihrem Willkommensblatt ein. Ihr Browser erhält einen Mitgliedsschlüssel – niemand erfährt, wem er gehört.',
  'home.step2.title': 'Offen sprechen',
  'home.step2.text':
    'Jeder Vorschlag, jede Stimme und jedes Dankeschön verbraucht ein blindes Token, das der Server signiert hat, ohne es zu sehen.',
  'home.step3.title': 'Antwort erhalten',
  'home.step3.text':
    'Ihre Quittung, gespeichert in diesem Browser, ist der einzige Schlüssel zu den Antworten. Nicht einmal das Moderationsteam weiß, dass Sie es waren.',
  'home.featured': 'Dankeschöns an die Teams hinter den Kulissen',
  'home.allKudos': 'Alle Dankeschöns →',
  'home.pulse.title': 'Pulsbefragung dieser Woche',
  'home.pulse.none': 'Gerade läuft keine Pulsbefragung.',
  'home.pulse.past': 'Frühere Ergebnisse ansehen',
  'home.pulse.closes': 'Anonym: eine Antwort pro Person, endet am {day}.',
  'home.pulse.more': 'Mehr',
  'home.themes.title': 'Worüber gerade gesprochen wird',
  'home.themes.all': 'Alle Themen',
  'home.themes.unavailable': 'Themen sind gerade nicht verfügbar.',
  'home.themes.none': 'Noch keine Themen: Sie erscheinen, sobald genügend Beiträge veröffentlicht sind.',
  'home.themes.comments': { one: '{count} Beitrag', other: '{count} Beiträge' },

  // Suggest
  'suggest.lead':
    'Was funktioniert nicht, was ist zu langsam, was ginge besser? Sagen Sie es geradeheraus. Greenroom kann nicht erkennen, wer es geschrieben hat – weder Ihre Führungskraft noch die IT noch das Moderationsteam.',
  'suggest.notEnrolled': 'Dieser Browser ist noch nicht angemeldet.',
  'suggest.notEnrolled.link': 'Melden Sie sich mit dem Code von Ihrem Willkommensblatt an,',
  'suggest.notEnrolled.after': 'um Vorschläge zu senden.',
  'suggest.label': 'Ihr Vorschlag',
  'suggest.placeholder':
    'z. B. Das Kreditantragssystem verliert hochgeladene Gehaltsnachweise, deshalb bitten wir Kundinnen und Kunden, sie zweimal zu schicken …',
  'suggest.tooShort': 'Mindestens {min} Zeichen (bisher {length}).',
  'suggest.length': '{length} / {max} Zeichen.',
  'suggest.concerns': 'Welches Team betrifft es? (optional)',
  'suggest.concerns.none': 'Weiß nicht / mehrere',
  'suggest.yourTeam': 'Ihr Team',
  'suggest.own': 'Angeben, dass ich im Team {team} arbeite',
  'suggest.own.hint':
    'Ihr Anmeldecode galt für das Team {team}, deshalb kann nur Ihr eigenes Team genannt werden – niemand kann es in Ihrem Namen angeben. Die Angabe erscheint erst, wenn genügend Kolleginnen und Kollegen im Team {team} angemeldet sind und genügend veröffentlichte Vorschläge sie tragen, sodass niemand herausgegriffen werden kann (standardmäßig jeweils mindestens fünf).',
  'suggest.sending': 'Wird gesendet …',
  'suggest.send': 'Anonym senden',
  'suggest.uses': {
    one: 'Verbraucht Ihr letztes Token.',
    other: 'Verbraucht eines Ihrer {count} Tokens.',
  },
  'suggest.usesOwn': {
    one: 'Verbraucht Ihr letztes Token, das bestätigt, dass Sie im Team {team} arbeiten.',
    other: 'Verbraucht eines Ihrer {count} Tokens, die bestätigen, dass Sie im Team {team} arbeiten.',
  },
  'suggest.privacy':
    'Das Moderationsteam liest ihn, bevor er auf der Pinnwand erscheint. Sie erhalten eine Quittung: Nur mit ihr können Sie Antworten lesen.',

  // Department picker
  'departments.backstage': 'Teams im Hintergrund',
  'departments.frontstage': 'Teams mit Kundenkontakt',

  // PII warnings
  'pii.title': 'Das könnte Sie oder eine andere Person erkennbar machen.',
  'pii.text': 'Das Moderationsteam sieht es zwar vor allen anderen, aber sicherer ist es, es wegzulassen.',
  'pii.looksLike': 'Sieht aus wie {what}:',
  'pii.redact': 'Schwärzen',
  'pii.redactAll': 'Alles schwärzen',
  'pii.email': 'eine E-Mail-Adresse',
  'pii.phone': 'eine Telefonnummer',
  'pii.staff-id': 'eine Personalnummer',
  'pii.branch-number': 'eine Filialnummer',
  'pii.person-name': 'ein Personenname',
  'pii.card-or-account': 'eine Karten- oder Kontonummer',
  'pii.iban': 'eine Bankverbindung (IBAN)',

  // Receipt after sending
  'receipt.title': 'Hier ist Ihre Quittung.',
  'receipt.label': 'Ihre Quittung',
  'receipt.what': 'Ihr Vorschlag',
  'receipt.onlyWay': 'Nur mit dieser Quittung finden Sie zu Ihrem Vorschlag zurück.',
  'receipt.onlyWay.text':
    'Mit ihr lesen Sie die Antworten des Moderationsteams, sehen, warum er veröffentlicht wurde oder nicht, und können antworten. Niemand – nicht einmal Greenroom – weiß, dass Sie es waren, deshalb kann sie Ihnen auch niemand erneut zusenden.',
  'receipt.saved': '✓ In der Wallet dieses Browsers gespeichert (siehe „Meine Vorschläge“).',
  'receipt.notSaved':
    'Dieser Browser konnte sie nicht speichern: Kopieren oder laden Sie sie jetzt herunter.',
  'receipt.clearing':
    'Wenn Sie die Browserdaten löschen oder ein anderes Gerät nutzen, ist die Kopie in der Wallet weg. Bewahren Sie eine zweite Kopie an einem privaten Ort auf.',
  'receipt.copied': 'Kopiert ✓',
  'receipt.copy': 'Quittung kopieren',
  'receipt.download': 'Als Datei herunterladen',
  'receipt.another': 'Weiteren schreiben',
  'receipt.file.title': 'Greenroom-Quittung',
  'receipt.file.sent':
    'Gesendet am {day}. Öffnen Sie Greenroom → „Meine Vorschläge“ → „Quittung hinzufügen“ und fügen Sie sie ein, um Antworten zu lesen und zu beantworten.',
  'receipt.file.private':
    'Wer diese Quittung hat, kann das Gespräch lesen: Bewahren Sie sie an einem privaten Ort auf.',
  'receipt.file.onlyWay':
    'Sie ist der einzige Weg zurück. Greenroom weiß nicht, wer Sie sind, und kann sie deshalb nicht erneut senden.',

  // Outbox
  'outbox.sent': '✓ Gesendet.',
  'outbox.failed': 'Nicht gesendet: {reason}',
  'outbox.queued': 'In diesem Browser vorgemerkt.',
  'outbox.leaves':
    '{what} wird {when} zu einem zufälligen Zeitpunkt gesendet, damit sich der Versand weder Ihrem Besuch noch Ihrer Anmeldung zuordnen lässt. Sie können diese Seite schließen: Gesendet wird beim nächsten Öffnen von Greenroom.',
  'outbox.it': 'Es',
  'outbox.waiting': {
    one: 'Eine anonyme Aktion wartet in diesem Browser und wird zu einem zufälligen Zeitpunkt gesendet.',
    other:
      '{count} anonyme Aktionen warten in diesem Browser und werden zu einem zufälligen Zeitpunkt gesendet.',
  },
  'outbox.notSent': {
    one: 'Eine konnte nicht gesendet werden.',
    other: '{count} konnten nicht gesendet werden.',
  },
  'outbox.seeWallet': 'Zur Wallet',
  'outbox.keyWarning':
    'Der Server von Greenroom hat mit seinen Schlüsseln etwas getan, was ein fairer Server nie tut.',
  'outbox.details': 'Details',
  'outbox.keyLog': 'Schlüsselprotokoll',
  'wait.fewSeconds': 'in wenigen Sekunden',
  'wait.seconds': { one: 'innerhalb von {count} Sekunde', other: 'innerhalb von {count} Sekunden' },
  'wait.minutes': { one: 'innerhalb einer Minute', other: 'innerhalb von {count} Minuten' },
  'wait.hours': { one: 'innerhalb einer Stunde', other: 'innerhalb von {count} Stunden' },

  // Errors
  'error.network': 'Senden nicht möglich. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.not_enrolled': 'Dieser Browser ist noch nicht angemeldet.',
  'error.rate_limited': 'Gerade zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
  'error.no_tokens': 'Für diese Aktion ist gerade kein Token mehr übrig.',

  // Wallet
  'wallet.title': 'Ihre Wallet',
  'wallet.lead':
    'Alles hier liegt nur in diesem Browser. Der Server hat keine Kopie und kann nicht erkennen, wem sie gehört.',
  'wallet.kind.suggestion': 'Ein Vorschlag',
  'wallet.kind.kudos': 'Ein Dankeschön',
  'wallet.kind.vote': 'Ein „Ich auch“',
  'wallet.kind.pulse': 'Eine Antwort auf die Pulsbefragung',
  'wallet.kind.seat': 'Ein Platz in einer Fokusgruppe',
  'wallet.kind.handoff': 'Eine Bewertung einer Übergabe',
  'wallet.scope.general': 'Vorschläge, Stimmen und Dankeschöns',
  'wallet.scope.pulse': 'Pulsfrage (eine Antwort)',
  'wallet.scope.seat': 'Platz in einer Fokusgruppe',
  'wallet.receiptKind.kudos': 'Dankeschön',
  'wallet.receiptKind.suggestion': 'Vorschlag',
  'wallet.file.header':
    'Greenroom-Quittungen – bewahren Sie diese Datei privat auf. Jede Quittung öffnet die Antworten auf das, was Sie geschrieben haben.',
  'wallet.forget.confirm':
    'Diese Wallet vergessen? Mitgliedsschlüssel, Tokens und Quittungen werden aus diesem Browser gelöscht und lassen sich nicht wiederherstellen.',
  'wallet.membership': 'Mitgliedschaft',
  'wallet.enrolled': 'Angemeldet',
  'wallet.enrolled.text': 'Dieser Browser kann anonym teilnehmen.',
  'wallet.notEnrolled': 'Nicht angemeldet',
  'wallet.notEnrolled.link': 'Melden Sie sich mit dem Code von Ihrem Willkommensblatt an.',
  'wallet.private':
    'Dieses Fenster speichert nichts, wenn es geschlossen wird: Sichern Sie Ihre Quittungen, bevor Sie gehen.',
  'wallet.warning': 'Warnung:',
  'wallet.warning.tell':
    'Sagen Sie es einer Kollegin, einem Kollegen oder dem Betriebsrat: Ein fairer Server tut so etwas nie.',
  'wallet.outbox': 'Wartet auf den Versand',
  'wallet.outbox.text':
    'Anonyme Aktionen verlassen diesen Browser zu zufälligen Zeitpunkten, nie direkt nach dem Abruf von Tokens, damit der Server sie Ihnen nicht zuordnen kann. Sie können den Tab ruhig schließen: Gesendet wird beim nächsten Öffnen von Greenroom.',
  'wallet.dismiss': 'Ausblenden',
  'wallet.leaves': 'wird {when} gesendet',
  'wallet.tokens': 'Tokens',
  'wallet.fetching': 'Wird abgerufen …',
  'wallet.checkTokens': 'Nach neuen Tokens sehen',
  'wallet.for': 'Wofür',
  'wallet.readyNow': 'Jetzt bereit',
  'wallet.readyNextWeek': 'Nächste Woche',
  'wallet.tokens.text':
    'Jede Aktion verbraucht ein Token. Tokens werden gesammelt, im Voraus und zu zufälligen Zeitpunkten abgerufen, sodass die Nutzung eines Tokens nichts darüber verrät, wann Sie es erhalten haben. Ein Abruf jetzt sendet Ihren Mitgliedsnachweis: Was Sie in den nächsten Minuten tun, wartet dann etwas länger, bevor es gesendet wird.',
  'wallet.tokens.next': 'Nächster Abruf: {when}.',
  'wallet.receipts': 'Quittungen',
  'wallet.downloadAll': 'Alle herunterladen',
  'wallet.noReceipts':
    'Noch keine Quittungen. Wenn Sie einen Vorschlag oder ein Dankeschön senden, erscheint die Quittung hier.',
  'wallet.news': 'Neuigkeiten: „Meine Vorschläge“ öffnen',
  'wallet.copied': 'Kopiert',
  'wallet.copy': 'Kopieren',
  'wallet.download': 'Herunterladen',
  'wallet.receipts.text':
    'Wer eine Quittung hat, kann die Antworten zu diesem Beitrag lesen. Bewahren Sie sie privat auf, etwa in einem Passwort-Manager.',
  'wallet.leaving': 'Verlassen Sie diesen Computer?',
  'wallet.leaving.text':
    'Laden Sie an einem geteilten Computer zuerst Ihre Quittungen herunter und vergessen Sie dann diese Wallet.',
  'wallet.forget': 'Diese Wallet vergessen',

  // Enrol
  'enrol.sso.idp_unavailable':
    'Die Firmenanmeldung antwortet gerade nicht. Versuchen Sie es später erneut oder nutzen Sie den Code von Ihrem Willkommensblatt.',
  'enrol.sso.invalid_state':
    'Diese Anmeldung war abgelaufen oder wurde bereits verwendet. Beginnen Sie mit der Schaltfläche unten neu.',
  'enrol.sso.sign_in_cancelled':
    'Die Anmeldung wurde auf der Seite der Firmenanmeldung abgebrochen. Beginnen Sie neu, wenn Sie so weit sind.',
  'enrol.sso.id_token_invalid':
    'Die Antwort der Firmenanmeldung ließ sich nicht prüfen, deshalb wurde nichts gespeichert. Beginnen Sie neu; wenn es wieder passiert, informieren Sie die IT.',
  'enrol.sso.not_allowed':
    'Ihr Firmenkonto gehört zu keiner Gruppe, die teilnehmen darf. Bitten Sie stattdessen HR um einen Anmeldecode.',
  'enrol.sso.failed':
    'Die Firmenanmeldung hat nicht funktioniert. Versuchen Sie es erneut oder nutzen Sie Ihren Code.',
  'enrol.sso.notCollected':
    'Die Firmenanmeldung ist abgeschlossen, aber diese Seite konnte sie nicht übernehmen. Beginnen Sie neu.',
  'enrol.invalidCode':
    'Dieser Code ist ungültig oder wurde bereits verwendet. Vergleichen Sie ihn mit Ihrem Blatt; bitten Sie bei Bedarf HR um einen neuen.',
  'enrol.tooMany': 'Zu viele Versuche mit diesem Code. Warten Sie 15 Minuten und versuchen Sie es erneut.',
  'enrol.failed':
    'Die Anmeldung ist gerade nicht möglich. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'enrol.title': 'Diesen Browser anmelden',
  'enrol.lead':
    'Geben Sie einmalig den Code von Ihrem Willkommensblatt ein. Dieser Browser erhält dann einen Mitgliedsschlüssel und einen kleinen Vorrat anonymer Tokens – genug, um mitzumachen, ohne dass jemand erkennen kann, dass Sie es waren.',
  'enrol.done': 'Sie sind angemeldet.',
  'enrol.already': 'Dieser Browser ist bereits angemeldet.',
  'enrol.fetching': 'Ihre Tokens werden abgerufen …',
  'enrol.ready': {
    one: '{count} Token bereit für Vorschläge, Stimmen und Dankeschöns.',
    other: '{count} Tokens bereit für Vorschläge, Stimmen und Dankeschöns.',
  },
  'enrol.readyNext': {
    one: '{count} Token bereit für Vorschläge, Stimmen und Dankeschöns, dazu {next} für nächste Woche.',
    other: '{count} Tokens bereit für Vorschläge, Stimmen und Dankeschöns, dazu {next} für nächste Woche.',
  },
  'enrol.openWallet': 'Ihre Wallet öffnen',
  'enrol.serverKnows': 'Was der Server weiß',
  'enrol.company': 'Mit Ihrem Firmenkonto',
  'enrol.company.text':
    'Melden Sie sich einmal bei {provider} an. Greenroom speichert nur einen mit einem Geheimschlüssel gebildeten Hash Ihres Kontos – um Ihnen genau eine Mitgliedschaft zu geben und sie auf ein neues Gerät zu übertragen – und nie Ihren Namen, Ihre E-Mail-Adresse oder Ihre Gruppen.',
  'enrol.company.button': 'Mit {provider} anmelden',
  'enrol.orCode': 'oder mit einem Code',
  'enrol.code': 'Anmeldecode',
  'enrol.code.hint':
    '16 Buchstaben und Ziffern. Bindestriche und Leerzeichen spielen keine Rolle; 0, 1, I, L und O kommen nicht vor.',
  'enrol.enrolling': 'Wird angemeldet …',
  'enrol.button': 'Anmelden',
  'enrol.private':
    'Dieses Browserfenster behält nach dem Schließen keine Daten (ein privates Fenster?). Sie können sich anmelden, aber Ihre Tokens und Quittungen sind weg, sobald Sie es schließen.',
  'enrol.explain': 'Was mit dem Code geschieht',
  'enrol.explain.once':
    'Der Code funktioniert genau einmal. Der Server speichert nur einen Einweg-Hash davon und markiert ihn als verwendet.',
  'enrol.explain.key':
    'Im Gegenzug erhält dieser Browser einen zufälligen Mitgliedsschlüssel. Der Server speichert einen mit einem Geheimschlüssel gebildeten Hash dieses Schlüssels – ohne Verbindung zum Code, ohne Namen und ohne Zeitpunkt.',
  'enrol.explain.tokens':
    'Ihr Schlüssel dient nur dazu, blinde Tokens abzurufen. Ihre späteren Aktionen tragen ein Token, nie den Schlüssel.',

  // Statuses
  'status.new': 'Neu',
  'status.under_review': 'In Prüfung',
  'status.planned': 'Geplant',
  'status.in_progress': 'In Arbeit',
  'status.done': 'Erledigt',
  'status.wont_do': 'Wird nicht umgesetzt',
  'status.pending': 'Wartet auf die Moderation',
  'status.rejected': 'Nicht veröffentlicht',
  'status.published': 'Veröffentlicht',

  // My suggestions
  'mine.lead':
    'Alles, was Sie aus diesem Browser gesendet haben, was daraus geworden ist, und die Antworten des Moderationsteams. Nur die in diesem Browser gespeicherten Quittungen öffnen sie – niemand sonst kann den Inhalt dieser Seite sehen.',
  'mine.empty': 'Noch nichts',
  'mine.empty.text':
    'Wenn Sie einen Vorschlag oder ein Dankeschön senden, wird die Quittung hier aufbewahrt.',
  'mine.add': 'Quittung hinzufügen',
  'mine.add.text':
    'Sie haben eine Quittung auf einem anderen Gerät oder auf Papier? Fügen Sie sie hier ein, um das Gespräch in diesem Browser weiterzuverfolgen.',
  'mine.add.label': 'Quittung',
  'mine.add.open': 'Öffnen',
  'mine.add.notReceipt':
    'Das ist keine Quittung: Eine Quittung besteht aus 26 Buchstaben und Ziffern in fünf Gruppen.',
  'mine.add.already': 'Diese Quittung ist bereits in diesem Browser.',
  'mine.add.gone': 'Zu dieser Quittung gehört kein Gespräch. Prüfen Sie sie auf Tippfehler.',
  'mine.add.error': 'Die Quittung lässt sich gerade nicht prüfen. Versuchen Sie es später erneut.',
  'thread.kudos': 'Dankeschön',
  'thread.suggestion': 'Vorschlag',
  'thread.label': '{kind} vom {day}',
  'thread.news': 'Neu seit Ihrem letzten Besuch',
  'thread.checking':
    'Antworten werden abgefragt … (eine Quittung nach der anderen, zu zufälligen Zeitpunkten, damit sie sich nicht verknüpfen lassen)',
  'thread.queued': 'Wartet noch im Postausgang dieses Browsers auf den Versand.',
  'thread.gone': 'Diese Quittung öffnet kein Gespräch mehr.',
  'thread.remove': 'Aus diesem Browser entfernen',
  'thread.error': 'Dieses Gespräch lässt sich gerade nicht öffnen. Versuchen Sie es später erneut.',
  'thread.redacted': 'Das Moderationsteam hat vor der Veröffentlichung persönliche Angaben entfernt.',
  'thread.reason': 'Warum er nicht veröffentlicht wurde:',
  'thread.response': 'Was wir getan haben:',
  'thread.votes': {
    one: '{count} Person hat „Ich auch“ gesagt.',
    other: '{count} Personen haben „Ich auch“ gesagt.',
  },
  'thread.conversation': 'Gespräch mit dem Moderationsteam',
  'thread.answer': 'Dem Moderationsteam antworten (anonym)',
  'thread.showReceipt': 'Quittung anzeigen',
  'thread.hideReceipt': 'Quittung ausblenden',
  'messages.you': 'Sie',
  'messages.moderator': 'Moderation',
  'messages.author': 'Verfasser/in (anonym)',
  'messages.none': 'Noch keine Nachrichten.',
  'messages.label': 'Gespräch',
  'reply.failed': 'Die Antwort konnte nicht gesendet werden.',
  'reply.send': 'Antwort senden',

  // Board
  'board.lead':
    'Jeder veröffentlichte Vorschlag, was daraus geworden ist und wie viele Personen „Ich auch“ gesagt haben.',
  'board.loadFailed': 'Die Pinnwand konnte nicht geladen werden.',
  'board.voteFailed': 'Ihre Stimme konnte nicht gezählt werden.',
  'board.hideFilters': 'Filter ausblenden',
  'board.filters': 'Filter',
  'board.filtersOn': 'Filter ({count} aktiv)',
  'board.sort': 'Sortierung',
  'board.sort.new': 'Neueste zuerst',
  'board.sort.top': 'Meiste Unterstützung',
  'board.team': 'Betroffenes Team',
  'board.team.all': 'Alle Teams',
  'board.status': 'Status',
  'board.status.any': 'Jeder Status',
  'board.voices': 'Stimmen aus:',
  'board.voices.other': 'Andere Teams oder ohne Angabe',
  'board.voices.hint': 'Kleine Teams werden nie einzeln gezeigt, damit niemand herausgegriffen werden kann.',
  'board.total': { one: '{count} Vorschlag', other: '{count} Vorschläge' },
  'board.empty': 'Hier ist noch nichts',
  'board.empty.text': 'Keine veröffentlichten Vorschläge passen zu diesen Filtern.',
  'board.enrol': 'Melden Sie diesen Browser an, um „Ich auch“ zu sagen:',
  'board.enrol.link': 'jetzt anmelden',
  'card.about': 'Betrifft {team}',
  'card.from': 'aus {team}',
  'card.redacted': 'Vom Moderationsteam bearbeitet, um persönliche Angaben zu entfernen.',
  'card.weDid': 'Was wir getan haben:',
  'card.spends': 'Verbraucht ein Token',
  'card.enrolToVote': 'Melden Sie sich an, um Ihre Stimme abzugeben',
  'card.voted': '✓ Ich auch',
  'card.adding': 'Wird gezählt …',
  'card.vote': '+ Ich auch',
  'card.people': { one: '{count} Person', other: '{count} Personen' },
  'pages.label': 'Seiten',
  'pages.previous': '← Zurück',
  'pages.of': 'Seite {page} von {pages}',
  'pages.next': 'Nächste Seite →',

  // Kudos
  'kudos.lead':
    'Teams im Hintergrund hören selten ein „Danke“. Erzählen Sie ihnen, wie sie einer Kundin, einem Kunden oder einer Kollegin geholfen haben – anonym.',
  'kudos.recent': 'Neueste Geschichten',
  'kudos.empty': 'Noch keine Geschichten',
  'kudos.empty.text': 'Bedanken Sie sich als Erste oder Erster bei einem Team.',
  'kudos.notEnrolled.link': 'Melden Sie sich mit Ihrem Code an,',
  'kudos.notEnrolled.after': 'um ein Dankeschön zu senden.',
  'kudos.team': 'Welches Team hat geholfen?',
  'kudos.team.none': 'Team auswählen …',
  'kudos.story': 'Was hat das Team getan, und für wen?',
  'kudos.placeholder':
    'z. B. Die Kreditprüfung hat die Baufinanzierung einer selbstständigen Kundin in zwei Tagen bearbeitet, so dass sie ihren Hauskauf nicht verloren hat …',
  'kudos.length': '{length} / {max}',
  'kudos.send': 'Dankeschön anonym senden',
  'kudos.sent': 'Vielen Dank – Ihr Dankeschön ist unterwegs.',
  'kudos.sent.text':
    'Das Moderationsteam liest es, bevor es erscheint. Bewahren Sie diese Quittung auf, um Antworten zu lesen:',
  'kudos.what': 'Ihr Dankeschön',
  'kudos.saved': '✓ In der Wallet dieses Browsers gespeichert.',
  'kudos.notSaved': 'Dieser Browser konnte sie nicht speichern: Kopieren Sie sie jetzt.',
  'kudos.nobody': 'Niemand kann sie Ihnen erneut zusenden – Greenroom weiß nicht, dass Sie es waren.',
  'kudos.myReceipts': 'Meine Quittungen',
  'kudos.another': 'Einem weiteren Team danken',
  'kudos.to': 'An {team}',
  'kudos.backstage': 'Hintergrund',
  'kudos.featured': '★ hervorgehoben',
  'kudos.redacted': 'Vom Moderationsteam leicht bearbeitet, damit alle anonym bleiben.',
  'kudos.recognition': 'Anerkennung in diesem Monat',
  'kudos.recognition.text':
    'Veröffentlichte Dankeschöns pro Team in den letzten 30 Tagen (seit {day}). Teams im Hintergrund sind hervorgehoben.',
  'kudos.hidden': 'ausgeblendet: weniger als {k}',
  'kudos.hidden.title': 'Weniger als {k} oder ausgeblendet, damit es sich nicht herleiten lässt',
  'kudos.noneYet': 'noch keine',
  'kudos.recognition.k':
    'Zahlen unter {k} werden nie gezeigt, damit kein kleines Team herausgegriffen werden kann.',
  'kudos.month.hidden': 'ausgeblendet (weniger als {k})',

  // Pulse
  'pulse.title': 'Wöchentliche Pulsbefragung',
  'pulse.lead':
    'Eine Frage pro Woche. Ein Klick. Niemand kann erkennen, welche Antwort von Ihnen stammt, und gezeigt werden nur Gruppen ab fünf Personen.',
  'pulse.open': 'Jetzt offen',
  'pulse.results': 'Ergebnisse',
  'pulse.pick': 'Befragung',
  'pulse.range': '({from} – {to}, Wert {score})',
  'pulse.ends.nps.low': 'Überhaupt nicht wahrscheinlich',
  'pulse.ends.nps.high': 'Äußerst wahrscheinlich',
  'pulse.ends.agree.low': 'Stimme überhaupt nicht zu',
  'pulse.ends.agree.high': 'Stimme voll zu',
  'pulse.meaning.notLikely': 'nicht wahrscheinlich',
  'pulse.meaning.somewhat': 'eher wahrscheinlich',
  'pulse.meaning.very': 'sehr wahrscheinlich',
  'pulse.meaning.1': 'stimme überhaupt nicht zu',
  'pulse.meaning.2': 'stimme nicht zu',
  'pulse.meaning.3': 'weder noch',
  'pulse.meaning.4': 'stimme zu',
  'pulse.meaning.5': 'stimme voll zu',
  'pulse.scale': 'Ihre Antwort, von „{from}“ bis „{to}“',
  'pulse.answer': 'Antwort {value}',
  'pulse.confirm': 'Antwort bestätigen',
  'pulse.picked': 'Ihre Wahl:',
  'pulse.once': 'Sie wird einmal gesendet und lässt sich nicht mehr ändern.',
  'pulse.withComment': ', mit Kommentar',
  'pulse.team':
    'Zählt in der Auswertung für {team}, die nur erscheint, wenn genügend Personen aus {team} geantwortet haben.',
  'pulse.send': 'Antwort {value} senden',
  'pulse.change': 'Ändern',
  'pulse.comment': 'Kommentar (optional, wird mit Ihrer Antwort gesendet)',
  'pulse.comment.pii': 'Das könnte Sie oder eine andere Person erkennbar machen: {found}. Lieber weglassen?',
  'pulse.comment.add': 'Vorher einen Kommentar hinzufügen',
  'pulse.enrol.link': 'Melden Sie diesen Browser an,',
  'pulse.enrol.after': 'um zu antworten.',
  'pulse.notSent': 'Ihre Antwort wurde nicht gesendet: {reason}',
  'pulse.queued':
    'Vielen Dank – Ihre Antwort ist in diesem Browser vorgemerkt und wird {when} zu einem zufälligen Zeitpunkt gesendet, damit sie sich Ihrem Besuch nicht zuordnen lässt. Sie können diese Seite schließen.',
  'pulse.in':
    'Vielen Dank – Ihre Antwort ist angekommen. Die Ergebnisse werden geteilt, wenn die Befragung am {day} endet.',
  'pulse.in.everyone':
    'Vielen Dank – Ihre Antwort ist angekommen. Die Ergebnisse werden mit allen geteilt, wenn die Befragung am {day} endet.',
  'pulse.answers': 'Antworten',
  'pulse.enps': 'eNPS (Promotoren 9–10 minus Kritiker 0–6)',
  'pulse.average15': 'Durchschnitt (1–5)',
  'pulse.releasedOnClose': 'Wird veröffentlicht, wenn die Befragung endet.',
  'pulse.shownFrom': 'Angezeigt ab {k} Antworten.',
  'pulse.notReleased':
    'Die Zahlen werden einmalig veröffentlicht, wenn die Befragung am {day} endet. Ergebnisse, die sich mit jeder Antwort ändern, würden es erlauben, durch einen Blick vor und nach der Antwort einer Kollegin oder eines Kollegen deren Antwort herauszufinden. Bis dahin werden deshalb nur die Zahl der Antworten und die Kommentare (ab {k} Antworten) gezeigt.',
  'pulse.distribution': 'Verteilung',
  'pulse.trend': 'Verlauf',
  'pulse.breakdown': 'Aufschlüsselung',
  'pulse.comments': 'Kommentare',
  'pulse.comments.hidden': 'Kommentare erscheinen, sobald mindestens {k} Personen geantwortet haben.',
  'pulse.comments.none': 'Keine Kommentare.',
  'pulse.possible': 'möglicherweise {what}',
  'pulse.distribution.label': 'Verteilung der Antworten',
  'pulse.distribution.cell': '{count} haben mit {key} geantwortet',
  'pulse.distribution.hatched':
    'Schraffiert: ausgeblendet – weniger als {k} Antworten oder ausgeblendet, damit es sich nicht aus den übrigen herleiten lässt.',
  'pulse.trend.label': 'Wert pro Woche: {points}',
  'pulse.trend.hidden': 'ausgeblendet',
  'pulse.trend.gaps': 'Lücken: Wochen mit weniger Antworten als die Mindestgruppengröße.',
  'pulse.breakdown.caption':
    'Nach Abteilung, belegt durch den Anmeldecode jedes Mitglieds (eine Antwort pro Person). Gruppen unter {k} Personen werden ausgeblendet.',
  'pulse.breakdown.department': 'Abteilung',
  'pulse.breakdown.average': 'Durchschnitt',
  'pulse.breakdown.notStated': 'Keine Angabe',
  'pulse.breakdown.none': 'Niemand hat eine Abteilung angegeben.',

  // Themes
  'themes.title': 'Aktuelle Themen',
  'themes.lead':
    'Was Kolleginnen und Kollegen im ganzen Unternehmen ansprechen, nach Thema gruppiert – gebildet aus veröffentlichten Vorschlägen, Dankeschöns, Kommentaren zu Pulsbefragungen und Protokollen von Fokusgruppen. Nichts hier trägt einen Namen.',
  'themes.explain':
    '„Steigend“ heißt: in den letzten 14 Tagen deutlich häufiger genannt als zuvor; „abnehmend“: in den letzten 28 Tagen deutlich seltener. Stand: {day}.',
  'themes.loadFailed': 'Die Themen konnten nicht geladen werden.',
  'themes.empty': 'Noch keine Themen',
  'themes.empty.text': 'Themen erscheinen, sobald genügend Beiträge veröffentlicht wurden.',
  'themes.keywords': 'Stichwörter',
  'themes.moreQuotes': 'Mehr in den Worten der Kolleginnen und Kollegen',
  'themes.sparkline': {
    one: '{label}: {count} Beitrag vom {from} bis {to}',
    other: '{label}: {count} Beiträge vom {from} bis {to}',
  },
  'themes.sparkline.none': '{label}: keine Daten',
  'trend.emerging': 'Neu',
  'trend.emerging.hint': 'Neu: vor den letzten vier Wochen kaum genannt, jetzt deutlich präsent.',
  'trend.rising': 'Steigend',
  'trend.rising.hint': 'In den letzten zwei Wochen deutlich häufiger genannt als zuvor.',
  'trend.steady': 'Gleichbleibend',
  'trend.steady.hint': 'Keine deutliche Veränderung.',
  'trend.fading': 'Fallend',
  'trend.fading.hint': 'In den letzten vier Wochen deutlich seltener genannt als zuvor.',
  'trend.period.14': 'zwei Wochen',
  'trend.period.28': 'vier Wochen',
  'trend.evidence.only': {
    one: '{count} Beitrag in den letzten {period}',
    other: '{count} Beiträge in den letzten {period}',
  },
  'trend.evidence.up': {
    one: '{count} Beitrag in den letzten {period}, mehr als sonst (etwa {usual} in {period})',
    other: '{count} Beiträge in den letzten {period}, mehr als sonst (etwa {usual} in {period})',
  },
  'trend.evidence.down': {
    one: '{count} Beitrag in den letzten {period}, weniger als sonst (etwa {usual} in {period})',
    other: '{count} Beiträge in den letzten {period}, weniger als sonst (etwa {usual} in {period})',
  },
  'trend.evidence.steady': {
    one: '{count} Beitrag in den letzten {period}, sonst etwa {usual} in {period}',
    other: '{count} Beiträge in den letzten {period}, sonst etwa {usual} in {period}',
  },
  'trend.evidence.fromNone': {
    one: '{count} Beitrag in den letzten {period}, davor fast keine',
    other: '{count} Beiträge in den letzten {period}, davor fast keine',
  },
  'trend.evidence.steadyFew': {
    one: '{count} Beitrag in den letzten {period}, sonst fast keine',
    other: '{count} Beiträge in den letzten {period}, sonst fast keine',
  },
  'trend.evidence.asOverall': '{sentence} – wie alle Beiträge insgesamt',
  'trend.evidence.unclear': '{sentence}: noch keine deutliche Veränderung',
  'trend.portalWide': 'Über alle Teams: {sentence}',
  'sentiment.tone': '{negative} negativ · {positive} positiv',
  'sentiment.tone.title':
    'Jeder Beitrag für sich gelesen: {positive} positiv, {neutral} neutral oder gemischt, {negative} negativ',

  // Focus groups
  'groups.lead':
    'Live moderierte Gespräche über Dinge, die sich in einer Besprechung schwer ansprechen lassen. Sie nehmen mit einem einmaligen Token Platz und erhalten ein Pseudonym nur für diese Sitzung – niemand, nicht einmal die Moderation, kann erkennen, wer Sie sind.',
  'groups.unreachable': 'Der Server ist nicht erreichbar.',
  'groups.full': 'Alle Plätze sind belegt.',
  'groups.seatFailed': 'Kein Platz verfügbar. Versuchen Sie es gleich noch einmal.',
  'groups.empty': 'Nichts geplant',
  'groups.empty.text': 'Sobald die Moderation eine Sitzung plant, erscheint sie hier.',
  'groups.enter': 'Raum betreten',
  'groups.as': 'als {pseudonym}',
  'groups.enrol': 'Anmelden, um teilzunehmen',
  'groups.fullPill': 'Voll',
  'groups.taking': 'Platz wird reserviert …',
  'groups.take': 'Platz nehmen',
  'groups.waiting':
    'Ihre Platzanfrage wird {when} gesendet: Die kurze Wartezeit hält sie von Ihrer Mitgliedschaft getrennt.',
  'groups.live': 'Jetzt live',
  'groups.upcoming': 'Demnächst',
  'groups.seats': {
    one: '{count} von {capacity} Plätzen frei',
    other: '{count} von {capacity} Plätzen frei',
  },
  'groups.pre': 'die Moderation liest jede Nachricht, bevor der Raum sie sieht',
  'groups.post': 'Nachrichten erscheinen sofort',

  // Journeys
  'journeys.title': 'Kundenwege',
  'journeys.lead':
    'Was die Kundin oder der Kunde tut, wem sie begegnen, und welche Teams, Systeme und Richtlinien im Hintergrund hinter jeder Etappe stehen – überlagert mit dem, was Greenroom über jedes Team hört.',
  'journeys.failed': 'Die Kundenwege konnten nicht geladen werden.',
  'journeys.empty': 'Noch keine Kundenwege',
  'journeys.empty.text':
    'Eine Administratorin oder ein Administrator kann den ersten unter Admin → Journeys anlegen.',
  'journeys.stages': 'Etappen',

  // A team's page
  'team.none': 'Dieses Team gibt es nicht.',
  'team.failed': 'Dieses Team konnte nicht geladen werden.',
  'team.kind.backstage': 'Hintergrund',
  'team.kind.frontstage': 'Kundenkontakt',
  'team.thank': '{team} danken',
  'team.digest': 'Die Stimme der Kunden diese Woche →',
  'team.months': 'Dankeschöns pro Monat',
  'team.total': {
    one: '{count} in den letzten sechs Monaten.',
    other: '{count} in den letzten sechs Monaten.',
  },
  'team.months.text':
    'Jede Geschichte unten wird mit ihrem Datum veröffentlicht, deshalb wird die Monatszahl unverändert gezeigt: Einen kleinen Monat auszublenden, würde niemanden schützen.',
  'team.themes': 'Was über {team} gesagt wird',
  'team.themes.text':
    'Themen aus veröffentlichten Vorschlägen, Dankeschöns, Kommentaren zu Pulsbefragungen und Fokusgruppen, die dieses Team betreffen. Ein Thema erscheint hier erst, wenn mindestens {k} Beiträge über das Team dazugehören.',
  'team.themes.empty': 'Noch keine Themen zu diesem Team',
  'team.themes.empty.text':
    'Themen erscheinen hier, sobald genügend veröffentlichte Beiträge dieses Team betreffen.',
  'team.stories': 'Geschichten',
  'team.stories.empty.text':
    'Hier hat sich noch niemand bei diesem Team bedankt. Sie könnten die erste Person sein.',

  // Rate a handoff
  'handoff.lead':
    'Sie haben mit einem Team im Hintergrund an einem Kundenanliegen gearbeitet? Sagen Sie, wie es lief. Eine Bewertung pro Team und Woche; niemand kann erkennen, dass sie von Ihnen stammt, und der Wert eines Teams erscheint erst, wenn mindestens fünf Personen es bewertet haben.',
  'handoff.thanks': 'Vielen Dank',
  'handoff.leaves':
    'Ihre Bewertung für {team} verlässt diesen Browser in Kürze, zu einem zufälligen Zeitpunkt.',
  'handoff.kudos': 'Ihr Dankeschön geht wie jede Geschichte zuerst an das Moderationsteam.',
  'handoff.another': 'Ein weiteres Team bewerten',
  'handoff.team': 'Team',
  'handoff.about': 'Worum ging es? (optional)',
  'handoff.effort': 'Wie leicht war es, das Nötige zu bekommen?',
  'handoff.effort.value': 'Aufwand {value}',
  'handoff.effort.low': 'Sehr schwer',
  'handoff.effort.high': 'Sehr leicht',
  'handoff.outcome': 'Wie ist es für die Kundin oder den Kunden ausgegangen?',
  'handoff.outcome.value': 'Ergebnis {value}',
  'handoff.outcome.low': 'Schlecht',
  'handoff.outcome.high': 'Sehr gut',
  'handoff.comment': 'Kommentar (optional)',
  'handoff.deserves': 'Das verdient ein Dankeschön (Ihr Kommentar wird zu einer Geschichte für das Team)',
  'handoff.storyLength': 'Eine Dankeschön-Geschichte braucht mindestens 20 Zeichen.',
  'handoff.enrol.after': 'um zu bewerten.',
  'handoff.send': 'Bewertung senden',
  'wallet.scope.team': 'Vorschläge mit der Angabe, dass Sie im Team {team} arbeiten',
  'wallet.scope.pulseTeam': 'Pulsfrage, gezählt für {team} (eine Antwort)',

  // Who enrolled, team by team
  'enrolled.failed': 'Die Anmeldezahlen konnten nicht geladen werden.',
  'enrolled.lead.before':
    'Jeder Anmeldecode wird für genau eine Abteilung erzeugt. Eine Angabe wie „aus der Rechtsabteilung“ oder die Zeile eines Teams in den Ergebnissen einer Pulsbefragung erscheint erst, wenn genügend Personen den Beitrag geschrieben haben',
  'enrolled.lead.could': 'könnten',
  'enrolled.lead.after':
    '– die angemeldeten Mitglieder des Teams. Der einzige Weg, Sie herauszugreifen, wäre also, Ihr Team mit erfundenen Mitgliedern aufzufüllen. Diese Seite zeigt jeden Code, den ein Admin erzeugt hat, und jeden, der verwendet wurde, Woche für Woche – so können Sie prüfen, ob die Zahlen zu Ihrem Team passen.',
  'enrolled.region': 'Erzeugte und verwendete Codes pro Abteilung und Woche',
  'enrolled.caption': 'Wochen beginnen am Montag (UTC). ▮ in der Woche verwendete Codes, ▯ erzeugte Codes.',
  'enrolled.department': 'Abteilung',
  'enrolled.members': 'Mitglieder',
  'enrolled.minted': 'Erzeugte Codes',
  'enrolled.weeks': 'Letzte {weeks} Wochen',
  'enrolled.noDepartment': 'Ohne Abteilung',
  'enrolled.padding': 'Woran man Auffüllen erkennt',
  'enrolled.padding.members': 'Mehr Mitglieder, als Ihr Team Personen hat.',
  'enrolled.padding.batch':
    'Ein Stapel Codes für ein kleines Team, alle innerhalb weniger Tage verwendet, obwohl niemand neu dazugekommen ist.',
  'enrolled.padding.week': 'Codes, die in einer Woche erzeugt wurden, in der niemand welche ausgegeben hat.',
  'enrolled.ask':
    'Fragen Sie Ihre Führungskraft oder die Greenroom-Admins, wenn etwas nicht aufgeht. Die Aktionen der Admins werden mit Namen protokolliert; Mitglieder werden nie mit dem Code verknüpft, den sie verwendet haben.',
  'weeks.entry': 'Woche ab {week}: {minted} erzeugt, {used} verwendet',
  'weeks.title': 'Woche ab {week}: {minted} erzeugt, {used} verwendet',
  'weeks.none': 'keine Codes erzeugt oder verwendet',
  'weeks.earlier': { one: '+ {count} frühere Woche', other: '+ {count} frühere Wochen' },

  // Not found, customer digest page, focus-group room
  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Diese Seite gibt es nicht (mehr).',
  'notFound.back': 'Zurück zur Startseite',
  'digestPage.department': 'Abteilung',
  'digestPage.title': 'Kundenstimme der Woche',
  'digestPage.titleOf': 'Kundenstimme der Woche: {team}',
  'digestPage.thisTeam': 'dieses Team',
  'digestPage.lead':
    'Was Kundinnen und Kunden Woche für Woche über Arbeit gesagt haben, an der {team} mitwirkt: Bewertung, Themen und Geschichten. Nur Zusammenfassungen über mehrere Kunden und von der Moderation ausgewählte Geschichten, nie Rohdaten.',
  'room.send': 'Senden',
  'room.yourMessage': 'Ihre Nachricht',
  'room.live': 'Live',
  'room.connecting': 'Verbinde …',
  'room.reconnecting': 'Verbinde neu …',
  'room.ended': 'Beendet',
  'room.rejoin': 'Hier wieder teilnehmen',
  'room.dropped':
    'Die Verbindung ist abgebrochen. Sie wird wiederhergestellt; was Sie verpasst haben, geht nicht verloren.',
  'room.status.pending': 'Wartet auf die Moderation',
  'room.status.sending': 'Wird gesendet …',
  'room.status.failed': 'Nicht gesendet',
  'room.status.hidden': 'Von der Moderation ausgeblendet',
  'room.you': '{name} (Sie)',
  'room.minute': 'Minute {minute}',
  'room.reactions': 'Reaktionen',
  'room.reaction.agree': 'Zustimmung',
  'room.reaction.thanks': 'Danke',
  'room.reaction.idea': 'Gute Idee',
  'room.reaction.unsure': 'Unsicher',
  'room.question': 'Frage {count} der Moderation',
  'room.waitingQuestion': 'Warten auf die erste Frage',
  'room.firstSoon': 'Die Moderation stellt gleich die erste Frage.',
  'room.noSeat': 'Kein Platz in dieser Sitzung',
  'room.noSeat.text':
    'Nehmen Sie zuerst Platz: Das kostet ein Token und gibt Ihnen ein Pseudonym nur für diese Sitzung.',
  'room.seeGroups': 'Zu den Fokusgruppen',
  'room.focusGroup': 'Fokusgruppe',
  'room.youAre': 'Sie sind',
  'room.youAre.after': '– ein Name nur für diese Sitzung.',
  'room.pinnedBy': 'Von der Moderation angeheftet',
  'room.pinned': 'Angeheftet',
  'room.messages': 'Nachrichten',
  'room.noMessages': 'Noch keine Nachrichten. Sagen Sie, was Sie sehen – es ist anonym.',
  'room.blocked.connect': 'Sie können schreiben, sobald der Raum verbunden ist.',
  'room.blocked.upcoming': 'Die Sitzung hat noch nicht begonnen.',
  'room.blocked.muted': 'Die Moderation hat Sie vorübergehend stummgeschaltet.',
  'room.hint.pre':
    'Die Moderation liest jede Nachricht, bevor der Raum sie sieht. Eingabetaste sendet, Umschalt+Eingabe fügt eine Zeile ein.',
  'room.hint.post':
    'Alle im Raum sehen sie sofort. Eingabetaste sendet, Umschalt+Eingabe fügt eine Zeile ein.',
  'room.close.unauthenticated': 'Dieser Platz gehört nicht zu diesem Raum.',
  'room.close.version': 'Die App wurde aktualisiert: Bitte laden Sie die Seite neu.',
  'room.close.removed': 'Die Moderation hat Sie aus dieser Sitzung entfernt.',
  'room.close.replaced':
    'Dieser Raum ist in einem anderen Tab oder auf einem anderen Gerät geöffnet, daher wurde er hier beendet.',
  'room.close.flooding':
    'Sie haben zu schnell gesendet. Warten Sie einen Moment und treten Sie dann wieder bei.',
  'room.close.ended': 'Diese Sitzung ist beendet.',
  'room.close.tooBig': 'Das war zu groß zum Senden.',
  'room.close.other': 'Die Verbindung wurde geschlossen.',
  'room.say.joined': {
    one: '{title} beigetreten. Bisher {count} Nachricht.',
    other: '{title} beigetreten. Bisher {count} Nachrichten.',
  },
  'room.say.reconnected': 'Wieder verbunden.',
  'room.say.hiddenMine': 'Die Moderation hat Ihre Nachricht ausgeblendet.',
  'room.say.hiddenMineReason': 'Die Moderation hat Ihre Nachricht ausgeblendet: {reason}.',
  'room.say.hidden': 'Eine Nachricht wurde von der Moderation ausgeblendet.',
  'room.say.question': 'Neue Frage der Moderation: {text}',
  'room.say.closed': 'Die Moderation hat die Sitzung beendet.',
  'room.say.seated': '{name} hat Platz genommen.',
  'room.say.mutedMe': 'Die Moderation hat Sie stummgeschaltet.',
  'room.say.unmutedMe': 'Sie können wieder schreiben.',
  'room.say.muted': '{name} wurde von der Moderation stummgeschaltet.',
  'room.say.unmuted': '{name} darf wieder schreiben.',
  'room.say.removed': '{name} wurde von der Moderation entfernt.',
  'room.say.minePending': 'Ihre Nachricht wartet auf die Moderation.',
  'room.say.mineVisible': 'Ihre Nachricht ist für den Raum sichtbar.',
  'room.say.awaiting': 'Neue Nachricht von {name} wartet auf Freigabe.',

  // Customer voice: department section and weekly digest
  'cv.hint.nps': '% Promotoren − % Kritiker',
  'cv.hint.csat': 'Mittelwert, 1–5',
  'cv.hint.ces': 'mittlere Leichtigkeit, 1–7',
  'cv.scoreWeek': 'Bewertung dieser Woche',
  'cv.scoreFew':
    'Weniger als {k} Kunden haben diese Woche Arbeit bewertet, an der Sie mitwirken, daher wird keine Bewertung gezeigt.',
  'cv.onLastWeek': '{change} zur Vorwoche',
  'cv.noComparison': 'kein Vergleich zur Vorwoche',
  'cv.positive': 'Positiv',
  'cv.neutral': 'Neutral',
  'cv.negative': 'Negativ',
  'cv.mixed': 'gemischt',
  'cv.positiveLower': 'positiv',
  'cv.negativeLower': 'negativ',
  'cv.sentiment': 'Stimmung',
  'cv.band': '{label} {value} %',
  'cv.fromScores': '– aus den Bewertungen der Kunden.',
  'cv.alongside.title': 'Kunden und Kollegen zu denselben Themen',
  'cv.alongside.lead':
    'Themen der letzten 13 Wochen: Kundenkommentare zu diesem Team neben veröffentlichten Beiträgen von Mitarbeitenden darüber. Zahlen erscheinen ab {k}.',
  'cv.alongside.none': 'Noch kein Thema hat genug Kundenkommentare oder Beiträge von Mitarbeitenden.',
  'cv.alongside.caption': 'Kundenthemen neben Themen der Mitarbeitenden',
  'cv.theme': 'Thema',
  'cv.customers': 'Kunden',
  'cv.employees': 'Mitarbeitende',
  'cv.bothSay': 'beide sagen es',
  'cv.digestFailed': 'Die Wochenübersicht konnte nicht geladen werden.',
  'cv.chooseWeek': 'Woche wählen',
  'cv.weekBefore': '← Vorwoche',
  'cv.weekAfter': 'Folgewoche →',
  'cv.weekOf': 'Woche vom {from} bis {to}',
  'cv.responses': {
    one: '{count} Kundenkommentar betrifft diese Woche Arbeit, an der {team} mitwirkt.',
    other: '{count} Kundenkommentare betreffen diese Woche Arbeit, an der {team} mitwirkt.',
  },
  'cv.responsesFew':
    'Weniger als {k} Kundenkommentare betreffen diese Woche Arbeit, an der {team} mitwirkt: Zahlen erscheinen ab {k}.',
  'cv.trend': 'Verlauf, acht Wochen',
  'cv.trendOf': 'Verlauf, acht Wochen ({scale})',
  'cv.trendNone': 'Noch keine Woche hatte genug bewertete Kommentare.',
  'cv.fewWeek': '— weniger als {k} Kunden in dieser Woche.',
  'cv.topThemes': 'Wichtigste Kundenthemen dieser Woche',
  'cv.noThemeWeek': 'Diese Woche kein Thema mit genug Kommentaren.',
  'cv.stories': 'Kundengeschichten',
  'cv.noStoryTeam': 'Mit diesem Team wurde noch keine Geschichte geteilt.',
  'cv.section.title': 'Was Kunden über Arbeit sagen, an der Sie mitwirken',
  'cv.section.unavailable': 'Die Kundenstimme ist gerade nicht verfügbar.',
  'cv.section.lead': 'Kundenfeedback, das {team} betrifft.',
  'cv.section.leadCount': {
    one: 'Kundenfeedback, das {team} betrifft ({count} Kommentar).',
    other: 'Kundenfeedback, das {team} betrifft ({count} Kommentare).',
  },
  'cv.section.lead2':
    'Die Geschichten wählt die Moderation aus; Zahlen erscheinen nur für Monate mit mindestens {k} Kunden.',
  'cv.section.noStories': 'Noch keine Kundengeschichten',
  'cv.section.noStories.text': 'Die Moderation teilt hier Geschichten, wenn Kunden diese Arbeit erwähnen.',
  'cv.scoreTrend': 'Verlauf der Bewertungen',
  'cv.scoreCaption': 'Kundenbewertungen nach Monat',
  'cv.month': 'Monat',
  'cv.count': 'Anzahl',
  'cv.fewMonth':
    '— weniger als {k} Kunden in diesem Monat (oder ausgeblendet, damit es sich nicht herausrechnen lässt).',
  'cv.themes': 'Kundenthemen',
  'cv.noTheme': 'Noch kein Thema mit genug Kommentaren.',

  // Handoff scorecards, journey signals and cells
  'scorecard.hidden': 'ausgeblendet – weniger als {k} Personen',
  'scorecard.cellLabel': 'Bewertungen {label}',
  'scorecard.noRatings': 'Keine Bewertungen.',
  'scorecard.ease': ' / 7 Leichtigkeit',
  'scorecard.outcome': 'Ergebnis für den Kunden {outcome} / 5',
  'scorecard.people': { one: '{count} Person', other: '{count} Personen' },
  'scorecard.alerts': { one: '{count} Kudos-Hinweis', other: '{count} Kudos-Hinweise' },
  'scorecard.bars': 'Wie leicht es war, 1 sehr schwer bis 7 sehr leicht',
  'scorecard.answered': '{count} antworteten {score}',
  'scorecard.title': 'Wie die Zusammenarbeit mit {team} läuft',
  'scorecard.unavailable': 'Die Auswertung ist gerade nicht verfügbar.',
  'scorecard.lead':
    'Kolleginnen und Kollegen an der Front bewerten jede Übergabe: wie leicht sie bekamen, was sie brauchten (1–7), und wie es für den Kunden ausging (1–5). Eine Zahl erscheint nur, wenn in dem Zeitraum mindestens {k} Personen bewertet haben, und einige weitere werden ausgeblendet, damit sich die kleinen nicht herausrechnen lassen.',
  'scorecard.soFar': '{period} bisher',
  'scorecard.comments': 'Was Kollegen gesagt haben',
  'scorecard.noComments': 'Noch keine veröffentlichten Kommentare',
  'scorecard.noComments.text':
    'Kommentare erscheinen, sobald die Moderation sie gelesen hat und mindestens {k} Personen das Team in dem Monat bewertet haben.',
  'cell.failed': 'Was hinter diesem Feld steht, konnte nicht geladen werden.',
  'cell.title': '{team} bei „{stage}“',
  'cell.close': 'Schließen',
  'cell.staff': 'Als Team der Moderation sehen Sie auch Beiträge, die noch auf Freigabe warten.',
  'cell.published': 'Nur veröffentlichte Beiträge.',
  'cell.hidden': 'Ausgeblendet: Weniger als {k} Personen stehen dahinter, daher wird nichts gezeigt.',
  'cell.nothing': 'Nichts in diesem Zeitraum.',
  'signal.hidden': 'ausgeblendet',
  'signal.noRatings': 'keine Bewertungen',
  'signal.ratings': { one: '{count} Bewertung', other: '{count} Bewertungen' },
  'signal.effort': 'Aufwand {score}/7',
  'signal.kudos': '{count} Kudos',
  'signal.open': '{count} offen',
  'signal.noThemes': 'keine Themen',
  'signal.comments': { one: '{count} Beitrag', other: '{count} Beiträge' },
  'signal.negative': '{percent} % negativ',
  'signal.noMatching': 'keine passenden Themen',
  'signal.fewTitle': 'Weniger als {k} Personen hinter dieser Zahl',
  'signal.fewHidden': '(weniger als {k} Personen, daher nicht gezeigt)',
  'signal.friction': 'Reibung',
  'signal.pain': 'Kundenärger',
  'overlay.customer-voice': 'Kundenfeedback',
  'overlay.handoffs': 'Übergabe-Bewertungen',
  'overlay.kudos': 'Kudos',
  'overlay.suggestions': 'Offene Vorschläge',
  'overlay.themes': 'Themen der Mitarbeitenden',
  'overlay.touchpoint-themes': 'Themen in dieser Phase',
  'reach.unavailable': 'Kundenwege sind gerade nicht verfügbar.',
  'reach.title': 'Hier erreicht Ihre Arbeit den Kunden',
  'reach.lead': 'Wo {team} auf den Kundenwegen steht und was der Kunde in diesem Moment tut.',
  'reach.stage': 'Phase {position} von {of}:',
  'reach.customer': 'Der Kunde',

  // Moderation tools (shared by staff pages and the pulse results)
  'moderation.bulkDone': '{action}: {count} erledigt.',
  'moderation.bulkNotDone': 'Nicht erledigt: {reasons}',
  'moderation.bulkFailed': 'Die Entscheidung konnte nicht angewendet werden.',
  'moderation.bulk': 'Sammelaktionen',
  'moderation.selectAll': 'Alle auswählen ({count})',
  'moderation.selected': '{count} ausgewählt',
  'moderation.reasonAll': 'Begründung (gleich für alle ausgewählten Einträge)',
  'moderation.withReason': '{action}: {count} mit dieser Begründung',
  'moderation.cancel': 'Abbrechen',
  'moderation.commentFor': 'Kommentar zu {context}',
  'moderation.comment': 'Kommentar',
  'moderation.state.pending': 'wartend',
  'moderation.state.published': 'veröffentlicht',
  'moderation.state.hidden': 'ausgeblendet',
  'moderation.hiddenBecause': 'Ausgeblendet, weil: {reason}',
  'moderation.publish': 'Veröffentlichen',
  'moderation.hide': 'Ausblenden',
  'moderation.whyHide': 'Warum ausblenden',
  'moderation.whyHide.placeholder': 'Warum ausblenden (steht im Prüfprotokoll)',
  'moderation.searchIn': '{list} durchsuchen',
  'moderation.searchText': 'Text suchen',
  'moderation.search': 'Suchen',
  'moderation.clear': 'Zurücksetzen',
  'moderation.sort': 'Sortierung',
  'moderation.noMatch': 'Kein Treffer',
  'moderation.noMatch.text': 'Nichts in dieser Liste enthält „{q}“.',
  'moderation.selectOne': 'Für eine Sammelaktion auswählen',
  'moderation.mayContain':
    '⚠ Enthält möglicherweise {kinds} – unten markiert. Erwägen Sie, es vor dem Veröffentlichen zu schwärzen.',
  'moderation.looksLike': 'Sieht aus wie {what}',
  'moderation.looksLikeHidden': ' (sieht aus wie {what})',
  'moderation.saveFailed': 'Speichern nicht möglich.',
  'moderation.savedReplies': 'Gespeicherte Antworten ({count}) – für das ganze Moderationsteam',
  'moderation.by': 'von {name}',
  'moderation.deleteReply': 'Gespeicherte Antwort {name} löschen',
  'moderation.delete': 'Löschen',
  'moderation.name': 'Name',
  'moderation.replyText': 'Text, den die verfassende Person liest',
  'moderation.saveReply': 'Antwort speichern',
  'moderation.savedReply': 'Gespeicherte Antwort',
  'moderation.insertReply': 'Gespeicherte Antwort einfügen …',
  'moderation.decisionFailed': 'Die Entscheidung konnte nicht gespeichert werden.',
  'moderation.pulseLists': 'Listen der Pulse-Kommentare',
  'moderation.tab.queue': 'Wartet auf Entscheidung',
  'moderation.tab.published': 'Veröffentlicht',
  'moderation.tab.hidden': 'Ausgeblendet',
  'moderation.oldest': 'Älteste zuerst',
  'moderation.newest': 'Neueste zuerst',
  'moderation.nothing': 'Hier ist nichts',
  'moderation.noComment': 'Kein Kommentar in dieser Liste.',

  // Your anonymity (the explainer)
  'anon.stored1':
    'Einen Einweg-Hash jedes Anmeldecodes und ob er verwendet wurde – nicht, wer ihn wann verwendet hat.',
  'anon.stored2':
    'Für jeden angemeldeten Browser: einen verschlüsselten Hash seines Mitgliedsschlüssels und die Abteilung, für die sein Code galt. Kein Name, keine E-Mail, kein Code, keine Uhrzeit.',
  'anon.stored3':
    'Wie viele Codes jeder Abteilung pro Woche erzeugt und verwendet wurden – öffentlich auf der Transparenzseite.',
  'anon.stored4':
    'Wie viele Tokens jeder Mitgliedsschlüssel diese Woche erhalten hat (eine Zahl wie 30). Nicht wann, nicht welche.',
  'anon.stored5':
    'Für jedes eingelöste Token: einen Fingerabdruck, der eine zweite Verwendung verhindert. Er lässt sich nicht auf die Person zurückführen, die es erhalten hat.',
  'anon.stored6':
    'Was Sie geschrieben haben, mit dem Tag – nie die Uhrzeit, Ihre Adresse oder Ihren Browser.',
  'anon.never1': 'Ihren Namen, Ihre E-Mail, Personalnummer oder Ihr Login.',
  'anon.never2': 'Ihre IP-Adresse oder Browserdaten, weder bei Ihren Texten noch in einem Protokoll.',
  'anon.never3': 'Die genaue Uhrzeit, zu der Sie etwas geschrieben haben.',
  'anon.never4':
    'Welche Tokens Sie erhalten haben. Der Server signiert sie blind, sieht sie also erst, wenn Sie eines einlösen – und kann es dann Ihnen nicht zuordnen.',
  'anon.never5':
    'Ihre Quittungen. Nur ihre Fingerabdrücke werden gespeichert, daher können nur Sie Ihre Unterhaltungen öffnen.',
  'anon.title': 'Ihre Anonymität',
  'anon.lead':
    'Greenroom ist so gebaut, dass selbst jemand mit der ganzen Datenbank und jeder Protokollzeile nicht sagen kann, wer was geschrieben hat. Das leistet Kryptografie, nicht ein Versprechen.',
  'anon.browser': 'Dieser Browser',
  'anon.notEnrolled': 'Noch nicht angemeldet.',
  'anon.enrolLink': 'Melden Sie sich mit dem Code von Ihrem Willkommensblatt an.',
  'anon.tokensLeft': 'Tokens übrig für Vorschläge, Stimmen und Kudos in dieser Woche',
  'anon.usableThrough': ', gültig bis {day}',
  'anon.moreReady': 'weitere liegen für nächste Woche bereit.',
  'anon.eachAction': 'Jede Aktion verbraucht ein Token.',
  'anon.seeWallet': 'Alles ansehen, was Ihre Wallet enthält.',
  'anon.stores': 'Was der Server speichert',
  'anon.neverStores': 'Was er nie speichert',
  'anon.how': 'So funktioniert es, in vier Schritten',
  'anon.how1.title': 'Einmal anmelden.',
  'anon.how1.text':
    'Ihr Code wird gegen einen zufälligen Mitgliedsschlüssel getauscht, der in diesem Browser bleibt.',
  'anon.how2.title': 'Tokens im Voraus holen.',
  'anon.how2.text':
    'Ihr Browser erzeugt zufällige Tokens, steckt jedes in einen versiegelten Umschlag (eine „Blendung“) und lässt den Server die Umschläge signieren – bei der Anmeldung und danach zu zufälligen Zeitpunkten, nie beim Öffnen einer Seite. Der Server sieht Ihren Schlüssel und zählt, wie viele er signiert hat – was drin ist, sieht er nie.',
  'anon.how3.title': 'Eines pro Aktion einlösen.',
  'anon.how3.text':
    'Wenn Sie etwas schreiben, abstimmen oder einem Team danken, sendet Ihr Browser ein entsiegeltes, signiertes Token. Der Server kann prüfen, ob die Signatur echt ist, hat dieses Token aber nie gesehen und weiß daher nicht, wem es gehört. Ihr Mitgliedsschlüssel wird nicht gesendet.',
  'anon.how4.title': 'Bewahren Sie Ihre Quittung auf.',
  'anon.how4.text':
    'Nach dem Senden erhalten Sie eine Quittung. Nur mit ihr lesen Sie Antworten, also speichern Sie sie – niemand kann sie für Sie wiederherstellen.',
  'anon.standard':
    'Das ist Privacy Pass (RFC 9576–9578) mit blinden RSA-Signaturen (RFC 9474), derselbe Standard, mit dem Browser CAPTCHAs überspringen, ohne verfolgt zu werden. Alle bekommen dieselben Schlüssel:',
  'anon.checkLog': 'prüfen Sie das öffentliche Schlüsselprotokoll',
  'anon.limits': 'Was Kryptografie nicht verbergen kann',
  'anon.limit1.title': 'Ihre Worte.',
  'anon.limit1.text':
    'Details, die nur Sie kennen, oder ein sehr persönlicher Schreibstil können Sie verraten. Greenroom markiert Namen und Nummern vor dem Senden.',
  'anon.limit2.title': 'Kleine Gruppen.',
  'anon.limit2.text':
    'Zahlen und Diagramme erscheinen nie für Gruppen unter der Mindestgröße, so bleibt „die einzige Person im Facility-Management“ verborgen. Eine Gruppe zählt Personen, nicht Beiträge: Ein Team wird erst genannt, wenn genug seiner Mitglieder angemeldet sind, und ein Admin, der ein Team mit erfundenen Mitgliedern auffüllt, fiele dort auf:',
  'anon.limit2.link': 'Transparenzseite zur Anmeldung',
  'anon.limit3.title': 'Ihr Netzwerk.',
  'anon.limit3.text':
    'Greenroom speichert nie Adressen, ein Firmen-Proxy aber vielleicht. Nutzen Sie ein privates Gerät, wenn Sie das beunruhigt.',
  'anon.limit4.title': 'Zeitpunkte.',
  'anon.limit4.text':
    'Ihr Browser holt die Tokens einer ganzen Woche auf einmal, zu zufällig gewählten Zeitpunkten – nie beim Öffnen eines Formulars. Was Sie senden, wartet im Postausgang dieses Browsers und geht zu einem zufälligen Zeitpunkt hinaus, nie wenige Minuten nach einem Token-Abruf. So kann selbst, wer den Server betreibt und jede Anfrage und jede Datenbankzeile beobachtet, nicht sagen, wer es gesendet hat. Deshalb steht dort „in der Warteschlange“: Sie können die Seite schließen, und es geht beim nächsten Öffnen von Greenroom hinaus.',
  'anon.limit5.title': 'Der oder die Einzige sein.',
  'anon.limit5.text':
    'Ihre ersten Beiträge warten nach der Anmeldung bis zu einer Stunde und verstecken sich so unter allen, die sich in dieser Stunde angemeldet haben. Meldet sich in der Zeit niemand sonst an oder nutzt Greenroom, gibt es niemanden zum Verstecken – das gilt auch für alle, die an einem ganzen Tag als Einzige aktiv sind.',
  'anon.limit6.title': 'Ein Server, der mit Schlüsseln betrügt.',
  'anon.limit6.text':
    'Ein Server könnte versuchen, einer Person einen eigenen Schlüssel zu geben. Ihr Browser akzeptiert nur einen Schlüssel pro Zweck und Woche, lernt Schlüssel nur aus der öffentlichen Liste, die alle sehen, und zeigt eine rote Warnung, wenn etwas anderes passiert.',
  'anon.limit6.link': 'Das Schlüsselprotokoll',
  'anon.limit6.after': 'lässt Kollegen vergleichen, was sie sehen.',
  'anon.limit7.title': 'Änderungen und Sicherungen.',
  'anon.limit7.text':
    'Wenn die Moderation etwas schwärzt, wird der alte Wortlaut aus der laufenden Datenbank gelöscht, eine vorher erstellte Datenbanksicherung enthält ihn aber noch.',

  // Key transparency
  'keys.failed': 'Das Schlüsselprotokoll konnte nicht geladen werden.',
  'keys.purpose.general': 'Vorschläge, Stimmen und Kudos',
  'keys.purpose.pulse': 'Wöchentlicher Puls',
  'keys.purpose.seat': 'Platz in einer Fokusgruppe',
  'keys.title': 'Schlüsseltransparenz',
  'keys.tableLabel': 'Veröffentlichte Schlüssel',
  'keys.lead':
    'Jedes Token, das Sie einlösen, ist mit einem Schlüssel signiert, den das Portal veröffentlicht. Gäbe Ihnen das Portal einen eigenen Schlüssel, könnte es Ihre Beiträge von allen anderen unterscheiden. Dieses öffentliche Protokoll macht das sichtbar.',
  'keys.head': 'Der aktuelle Stand des Protokolls',
  'keys.bad': 'Dieses Protokoll ist nicht stimmig:',
  'keys.checked': {
    one: 'In diesem Browser geprüft: {count} Eintrag, mit dem vorherigen verkettet.',
    other: 'In diesem Browser geprüft: {count} Einträge, jeder mit dem vorherigen verkettet.',
  },
  'keys.loading': 'Protokoll wird geladen …',
  'keys.compare': 'Mit Kollegen vergleichen',
  'keys.compare.text':
    'Alle sollten denselben Stand sehen. Lesen Sie ihn einer Kollegin oder einem Kollegen vor oder vergleichen Sie ihn zwischen Browsern. Weicht Ihrer im selben Moment ab, bekommt jemand andere Schlüssel gezeigt – melden Sie das dem Datenschutzteam.',
  'keys.audit': 'Von außen prüfen lassen',
  'keys.audit.before':
    'Jede Person kann das Portal ohne Anmeldung prüfen. Eine Prüferin oder ein Prüfer führt',
  'keys.audit.address': '<Portaladresse>',
  'keys.audit.after':
    ' aus; das prüft die Kette, dass jeder veröffentlichte Schlüssel darin steht und dass kein Zweck je zwei Schlüssel zugleich hat.',
  'keys.all': 'Alle je veröffentlichten Schlüssel',
  'keys.all.text':
    'Ein Schlüssel pro Zweck und Zeitraum. Einträge kommen nur hinzu: Ausgemusterte Schlüssel bleiben gelistet.',
  'keys.usedFor': 'Verwendet für',
  'keys.valid': 'Gültig',
  'keys.fingerprint': 'Fingerabdruck',
  'keys.none': 'Es wurden noch keine Schlüssel veröffentlicht.',

  // Service blueprint
  'bp.mapped': 'Zugeordnet. Das Thema erscheint jetzt in der Kundenspur dieser Phase.',
  'bp.mapFailed': 'Das Thema konnte nicht zugeordnet werden.',
  'bp.unmapped':
    'Entfernt. Das Thema erscheint nicht mehr in dieser Phase (außer seine Wörter passen zu einem Kontaktpunkt).',
  'bp.unmapFailed': 'Das Thema konnte nicht entfernt werden.',
  'bp.noSuch': 'Diesen Kundenweg gibt es nicht.',
  'bp.failed': 'Der Blueprint konnte nicht geladen werden.',
  'bp.journeys': 'Kundenwege',
  'bp.period': 'Zeitraum',
  'bp.version': 'Version',
  'bp.newest': 'Neueste (v{version})',
  'bp.past': 'v{version}, {day}',
  'bp.overlays': 'Einblendungen',
  'bp.k': 'Jede Zahl stammt von mindestens {k} Personen; eine kleinere Gruppe erscheint als „ausgeblendet“.',
  'bp.hotspots': { one: '{count} Brennpunkt', other: '{count} Brennpunkte' },
  'bp.hotspots.text': ': Reibung im Hintergrund, wo der Kunde sie spürt.',
  'bp.versionNote': 'Version {version}.',
  'bp.versionPast': 'Version {version} (eine frühere Version: Der Kundenweg hat sich seitdem geändert).',
  'bp.print': 'Für die Wand drucken',
  'bp.svg': 'SVG herunterladen',
  'bp.png': 'PNG herunterladen',
  'bp.caption': 'Service-Blueprint von {journey}, {period}: Phasen waagrecht, Spuren senkrecht',
  'bp.lane': 'Spur',
  'bp.customer': 'Kunde',
  'bp.frontstage': 'Vordergrund',
  'bp.backstage': 'Hintergrund',
  'bp.visibility': 'Sichtbarkeitslinie',
  'bp.hotspot': 'Brennpunkt',
  'bp.openAt': '{team} bei {stage} öffnen',
  'bp.open': 'Öffnen',
  'bp.notInvolved': 'Nicht beteiligt',
  'bp.systems': 'Unterstützende Systeme',
  'bp.policies': 'Richtlinien',
  'bp.whole': 'Ganzer Kundenweg',
  'bp.systemsPolicies': 'Systeme und Richtlinien',
  'bp.map': 'Ein Thema einer Phase zuordnen',
  'bp.map.text':
    'Neben der Analyse (nach Team) und den Kontaktpunkt-Wörtern der Phase kann die Moderation ein Thema einer Phase zuordnen und ein von Hand zugeordnetes Thema wieder entfernen.',
  'bp.stage': 'Phase',
  'bp.theme': 'Thema',
  'bp.choose': 'Auswählen …',
  'bp.mapTheme': 'Thema zuordnen',
  'bp.removeMapping': 'Zuordnung entfernen',

  // Wallet messages
  'walletMsg.notOpenYet': 'Das ist noch nicht geöffnet; Ihr Token dafür liegt bereit.',
  'walletMsg.weekUsed':
    'Sie haben alle Tokens dieser Woche verbraucht. Neue kommen mit Beginn der nächsten Woche.',
  'walletMsg.oneUsed': 'Sie haben Ihr eines Token hierfür bereits verwendet.',
  'walletMsg.foreignKeys':
    'Der Server bot Schlüssel an, die diese Website nicht nennen, daher wurden keine Tokens geholt.',
  'walletMsg.privateKey':
    'Der Server hat diesem Browser einen Schlüssel genannt, den er nicht für alle veröffentlicht; er wird daher nicht verwendet.',
  'walletMsg.notRecognised':
    'Die Mitgliedschaft dieses Browsers wird nicht mehr erkannt. Melden Sie sich mit einem neuen Code erneut an.',
  'walletMsg.fetchFailed': 'Tokens konnten gerade nicht geholt werden; die Wallet versucht es später erneut.',
  'moderation.repliesFailed': 'Gespeicherte Antworten konnten nicht geladen werden.',

  // Pulse breakdown
  'pulse.breakdown.other': 'Weitere Abteilungen (je weniger als {k})',

  // Blueprint signal facts
  'fact.outcome': 'Ergebnis für den Kunden {value} von 5',
  'fact.csat': 'CSAT {value} von 5',
  'fact.sentiment': 'Stimmung {value}',
  'fact.new': '{value} neu',
  'fact.under_review': '{value} in Prüfung',
  'fact.planned': '{value} geplant',
  'fact.in_progress': '{value} in Arbeit',

  // Blueprint drawing (SVG/PNG download)
  'bp.svg.systems': 'Unterstützende Systeme und Richtlinien',
  'bp.svg.hotspot': 'BRENNPUNKT',
  'bp.svg.title': 'Service-Blueprint: {journey}, {period}',
  'bp.svg.subtitle': '{period} · Version {version} · Zahlen von mindestens {k} Personen',

  // Maßnahmen aus Themen (Abschnitt der Pinnwand; Folgen bleibt in diesem Browser)
  'actions.title': 'Maßnahmen aus Themen',
  'actions.lead':
    'Was die Moderation nach dem Lesen der Themen zugesagt hat und wie weit es ist. Folgen Sie einer Maßnahme, um sie oben zu sehen und Änderungen zu bemerken.',
  'actions.privacy':
    'Wem Sie folgen, bleibt nur in diesem Browser: Niemand, auch nicht der Server, erfährt es.',
  'actions.follow': 'Folgen',
  'actions.following': 'Gefolgt',
  'actions.updated': 'Aktualisiert',
  'actions.updatedOn': 'aktualisiert am {day}',
  'actions.since': 'seit {day}',
  'actions.weDid': 'Was wir getan haben:',
  'actions.loadFailed': 'Die Maßnahmen konnten nicht geladen werden.',
  'board.suggestions': 'Vorschläge',
} satisfies Dictionary;

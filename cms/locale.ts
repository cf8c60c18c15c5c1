/**
 * Decap's German texts, corrected: polite „Sie" throughout, correct grammar („Zurück zu allen Projekte" →
 * „Zurück zur Liste: Projekte", „Lösche Beitrag" → „Beitrag löschen"), no „Oops", no English left over, pattern
 * errors worded like the build's messages („Feld: was erwartet wird"). Only what differs from decap-cms-locales
 * is listed; everything else is taken from there.
 */
import { de } from 'decap-cms-locales';

type Phrases = { [key: string]: string | Phrases };

const CORRECTIONS: Phrases = {
	auth: {
		login: 'Anmelden',
		loggingIn: 'Sie werden angemeldet …',
		loginWithNetlifyIdentity: 'Mit Netlify Identity anmelden',
		errors: {
			email: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
			identitySettings: 'Die Einstellungen für die Anmeldung ließen sich nicht abrufen. Bitte prüfen Sie bei Netlify, ob „Identity" und „Git Gateway" eingeschaltet sind.',
		},
	},
	app: {
		header: { quickAdd: 'Neu anlegen' },
		app: {
			checkConfigYml: 'Bitte prüfen Sie die Konfiguration.',
			loadingConfig: 'Die Konfiguration wird geladen …',
			waitingBackend: 'Warten auf den Server …',
		},
	},
	collection: {
		sidebar: { allCollections: 'Alle Inhaltstypen' },
		collectionTop: {
			newButton: 'Neu: %{collectionLabel}',
			newButtonAriaLabel: 'Neu anlegen: %{collectionLabel}',
			searchResults: 'Suchergebnisse für „%{searchTerm}"',
			searchResultsInCollection: 'Suchergebnisse für „%{searchTerm}" in %{collection}',
		},
		entries: {
			loadingEntries: 'Die Beiträge werden geladen …',
			cachingEntries: 'Die Beiträge werden zwischengespeichert …',
			longerLoading: 'Das kann einige Minuten dauern.',
			noEntries: 'Noch keine Beiträge',
		},
	},
	editor: {
		editorControlPane: {
			widget: {
				required: '%{fieldLabel}: Bitte ausfüllen.',
				// The pattern's message already names the field and what is expected (cms/fields.ts).
				regexPattern: '%{pattern}',
				processing: '%{fieldLabel} wird verarbeitet …',
				range: '%{fieldLabel} muss zwischen %{minValue} und %{maxValue} liegen.',
				min: '%{fieldLabel} muss mindestens %{minValue} sein.',
				max: '%{fieldLabel} darf höchstens %{maxValue} sein.',
				rangeCount: '%{fieldLabel} braucht %{minCount} bis %{maxCount} Einträge.',
				rangeCountExact: '%{fieldLabel} braucht genau %{count} Einträge.',
				rangeMin: '%{fieldLabel} braucht mindestens %{minCount} Einträge.',
				rangeMax: '%{fieldLabel} darf höchstens %{maxCount} Einträge haben.',
				invalidPath: '„%{path}" ist kein gültiger Pfad.',
				pathExists: 'Den Pfad „%{path}" gibt es schon.',
			},
		},
		editor: {
			onLeavePage: 'Möchten Sie diese Seite wirklich verlassen? Nicht gespeicherte Änderungen gehen verloren.',
			onUpdatingWithUnsavedChanges: 'Es gibt noch ungespeicherte Änderungen. Bitte speichern Sie zuerst, dann können Sie den Status ändern.',
			onPublishingNotReady: 'Bitte setzen Sie den Status vor dem Veröffentlichen auf „Abgeschlossen".',
			onPublishingWithUnsavedChanges: 'Es gibt noch ungespeicherte Änderungen. Bitte speichern Sie vor dem Veröffentlichen.',
			onDeleteWithUnsavedChanges: 'Möchten Sie diesen veröffentlichten Beitrag und Ihre nicht gespeicherten Änderungen wirklich löschen?',
			onDeleteUnpublishedChangesWithUnsavedChanges: 'Möchten Sie diesen unveröffentlichten Beitrag und Ihre nicht gespeicherten Änderungen wirklich löschen?',
			onDeleteUnpublishedChanges: 'Alle unveröffentlichten Änderungen werden gelöscht. Möchten Sie das wirklich?',
			loadingEntry: 'Der Beitrag wird geladen …',
			confirmLoadBackup: 'Für diesen Beitrag gibt es eine Sicherung mit Änderungen, die noch nicht gespeichert sind. Möchten Sie sie wiederherstellen?',
		},
		editorToolbar: {
			publishing: 'Wird veröffentlicht …',
			unpublishing: 'Die Veröffentlichung wird zurückgezogen …',
			deleteUnpublishedEntry: 'Unveröffentlichten Beitrag löschen',
			deletePublishedEntry: 'Veröffentlichten Beitrag löschen',
			deleteEntry: 'Beitrag löschen',
			saving: 'Wird gespeichert …',
			statusInfoTooltipDraft: 'Der Beitrag ist ein Entwurf. Wenn er fertig ist, setzen Sie den Status auf „Zur Überprüfung".',
			statusInfoTooltipInReview: 'Der Beitrag wird geprüft; Sie müssen nichts weiter tun. Sie können ihn währenddessen weiter ändern.',
			deleting: 'Wird gelöscht …',
			updating: 'Wird aktualisiert …',
			backCollection: 'Zurück zur Liste: %{collectionLabel}',
			deployPreviewPendingButtonLabel: 'Vorschau prüfen',
			deployPreviewButtonLabel: 'Vorschau ansehen',
		},
		editorWidgets: {
			markdown: { linkPrompt: 'Adresse des Links eingeben', richText: 'Formatierter Text', markdown: 'Markdown-Text' },
			image: {
				choose: 'Bild auswählen',
				chooseUrl: 'Bild von einer Internetadresse',
				replaceUrl: 'Durch Bild von einer Internetadresse ersetzen',
				promptUrl: 'Internetadresse des Bildes eingeben',
				chooseDifferent: 'Anderes Bild auswählen',
				remove: 'Bild entfernen',
			},
			file: {
				choose: 'Datei auswählen',
				chooseUrl: 'Datei von einer Internetadresse',
				replaceUrl: 'Durch Datei von einer Internetadresse ersetzen',
				promptUrl: 'Internetadresse der Datei eingeben',
				chooseDifferent: 'Andere Datei auswählen',
				remove: 'Datei entfernen',
			},
			unknownControl: { noControl: 'Für die Feldart „%{widget}" gibt es kein Eingabefeld.' },
			unknownPreview: { noPreview: 'Für die Feldart „%{widget}" gibt es keine Vorschau.' },
			datetime: { now: 'Jetzt', clear: 'Leeren', setToNow: '%{fieldLabel} auf jetzt setzen' },
		},
	},
	mediaLibrary: {
		mediaLibrary: { fileTooLarge: 'Die Datei ist zu groß. Erlaubt sind Dateien bis %{size} kB.' },
		mediaLibraryModal: {
			loading: 'Wird geladen …',
			noResults: 'Keine Ergebnisse.',
			private: 'Privat',
			search: 'Suchen …',
			uploading: 'Wird hochgeladen …',
			download: 'Herunterladen',
			deleting: 'Wird gelöscht …',
		},
	},
	ui: {
		default: { goBackToSite: 'Zur Website' },
		errorBoundary: {
			details: 'Ein Fehler ist aufgetreten – bitte ',
			reportIt: 'melden Sie ihn.',
			privacyWarning: 'Ein Fehlerbericht enthält automatisch die Fehlermeldung und technische Angaben. Bitte prüfen Sie, ob sie stimmen, und entfernen Sie persönliche Daten.',
		},
		toast: {
			missingRequiredField: 'Einige Pflichtfelder sind noch leer. Sie sind rot markiert.',
			onFailToLoadEntries: 'Die Beiträge ließen sich nicht laden: %{details}',
			onFailToLoadDeployPreview: 'Die Vorschau ließ sich nicht laden: %{details}',
			onFailToDelete: 'Löschen fehlgeschlagen: %{details}',
			onFailToUpdateStatus: 'Der Status ließ sich nicht ändern: %{details}',
			entryUnpublished: 'Der Beitrag ist nicht mehr öffentlich.',
			onFailToUnpublishEntry: 'Die Veröffentlichung ließ sich nicht zurückziehen: %{details}',
			entryUpdated: 'Status geändert',
			onLoggedOut: 'Sie wurden abgemeldet. Bitte sichern Sie Ihre Eingaben und melden Sie sich wieder an.',
			onBackendDown: 'Der Server ist gerade nicht erreichbar. Mehr dazu: %{details}',
		},
	},
	workflow: {
		workflow: {
			loading: 'Die Beiträge im Arbeitsablauf werden geladen …',
			description: '%{smart_count} Beitrag wartet auf Prüfung, %{readyCount} sind bereit zur Veröffentlichung. |||| %{smart_count} Beiträge warten auf Prüfung, %{readyCount} sind bereit zur Veröffentlichung.',
			dateFormat: 'D. MMMM',
		},
		workflowCard: { deleteNewEntry: 'Neuen Beitrag löschen', publishChanges: 'Änderungen veröffentlichen', publishNewEntry: 'Neuen Beitrag veröffentlichen' },
		workflowList: {
			onPublishingNotReadyEntry: 'Nur Beiträge mit dem Status „Abgeschlossen" können veröffentlicht werden. Bitte ziehen Sie den Beitrag in die Spalte „Abgeschlossen".',
			onPublishEntry: 'Soll dieser Beitrag wirklich veröffentlicht werden?',
		},
	},
};

function merge(base: Phrases, changes: Phrases): Phrases {
	const out: Phrases = { ...base };
	for (const [key, value] of Object.entries(changes)) {
		const under = out[key];
		out[key] = typeof value === 'string' || typeof under !== 'object' ? value : merge(under, value);
	}
	return out;
}

/** Decap's German phrases with the corrections above. */
export const germanPhrases = merge(de as unknown as Phrases, CORRECTIONS);

/**
 * The iv3-JSON document CBS accepts for an Iv3 delivery, after its data schema "Iv3 data schema
 * versie 2.1" (statistiekcbs/iv3_definities, iv3_data_schema_v2_1_1.json). The hub holds no balance
 * sheet, so the three balance sections are present (the schema requires them) and empty; the
 * verdelingsmatrix (lasten, baten) comes from the hub's realisation, summed over the modules.
 */
export interface Iv3Aanleverder {
  overheidsnummer: string;
  overheidsnaam: string;
  contactNaam: string;
  contactEmail: string;
  contactTelefoon: string;
}

export interface Iv3Cel {
  taakveld: string;
  categorie: string;
  bedrag: number;
}

export interface Iv3Document {
  metadata: {
    overheidslaag: 'GR';
    overheidsnummer: string;
    overheidsnaam: string;
    boekjaar: number;
    periode: number;
    status: 'Realisatie';
    datum: string;
    details_openbaar: boolean;
    financieel_pakket: string;
    export_software: string;
  };
  contact: { naam: string; email: string; telefoon: string };
  data: {
    lasten: Iv3Cel[];
    baten: Iv3Cel[];
    balans_lasten: never[];
    balans_baten: never[];
    balans_standen: never[];
  };
}

/** What the graph's iv3Aanlevering gives (amounts as exact decimal text). */
export interface Iv3Matrix {
  boekjaar: number;
  periode: number;
  lasten: Array<{ taakveld: string; categorie: string; bedrag: string }>;
  baten: Array<{ taakveld: string; categorie: string; bedrag: string }>;
}

// The schema types bedrag as a JSON number. An amount of NUMERIC(15,2) has at most 15 significant
// digits, which a double holds exactly enough that Number(text) prints back as the same text: the
// document carries the hub's cents unchanged.
const cel = (r: { taakveld: string; categorie: string; bedrag: string }): Iv3Cel => ({ taakveld: r.taakveld, categorie: r.categorie, bedrag: Number(r.bedrag) });

export function iv3Document(matrix: Iv3Matrix, aanleverder: Iv3Aanleverder, moment: Date): Iv3Document {
  return {
    metadata: {
      overheidslaag: 'GR',
      overheidsnummer: aanleverder.overheidsnummer,
      overheidsnaam: aanleverder.overheidsnaam,
      boekjaar: matrix.boekjaar,
      periode: matrix.periode,
      status: 'Realisatie',
      // The schema's datum pattern ends in hh:mm:ss and a zone, without fractions of a second.
      datum: moment.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      details_openbaar: false,
      financieel_pakket: 'Regiohub',
      export_software: 'Regiohub',
    },
    contact: { naam: aanleverder.contactNaam, email: aanleverder.contactEmail, telefoon: aanleverder.contactTelefoon },
    data: { lasten: matrix.lasten.map(cel), baten: matrix.baten.map(cel), balans_lasten: [], balans_baten: [], balans_standen: [] },
  };
}

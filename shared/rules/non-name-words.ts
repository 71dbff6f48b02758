/**
 * Words that arrive in a children's home's visitor-name field but are not a person's name (DESIGN
 * rule 6: "never match words that are not a person's name (Ltd, courier, council)"). Staff type
 * what they are told at the door: "DPD driver", "Williams Jonas Ltd courier", "Dave from the
 * council", "gas engineer", "Millie's mum". Matched as names, these raise restricted people who
 * never came ("Williams Jonas Ltd" is a near spelling of William Jones).
 *
 * How the lists are chosen:
 * - A word is listed only if no name of any frequency in Britain is spelt that way. A name left
 *   out cannot be checked, and a name with no surname left cannot be signed in, so the lists err
 *   towards keeping a word: Driver, Porter, Cook, Baker, Mason, Carter, Nurse, Constable, Foster,
 *   Gardner/Gardener, Joiner, Friend, Church, Key, Staff, Man, Nan, Charity and the like stay.
 * - Two letters or fewer are kept too (except "pc"): "DS", "GP" or "A" may be someone's initials.
 * - "van" is left out: it opens surnames ("van der Berg").
 * - It is data, not a rule: adding a word here is the whole of teaching the check about it.
 * - Lower case with plain letters: they are compared after the same normalising as the names.
 */

/**
 * Words that end or make an organisation's name. A part of the typed text that holds one ("Leeds
 * City Council", "Williams Jonas Ltd", "Bright Futures Agency") is an organisation, all of it.
 */
export const organisationWords: ReadonlySet<string> = new Set([
  // Legal forms.
  'ltd',
  'limited',
  'plc',
  'llp',
  'llc',
  'inc',
  'cic',
  'co',
  'corp',
  'gmbh',
  // What the organisations at a children's home's door call themselves.
  'council',
  'services',
  'service',
  'agency',
  'agencies',
  'group',
  'trust',
  'associates',
  'solutions',
  'partnership',
  'housing',
  'logistics',
  'couriers',
  'deliveries',
  'nhs',
  'hospital',
  'surgery',
  'clinic',
  'school',
  'college',
  'academy',
  'university',
  'constabulary',
  'police',
  'authority',
  'department',
  'dept',
  'centre',
  'center',
  'foundation',
  'ofsted',
  'cafcass',
]);

/**
 * Words that say what someone is or does, or who they are to a young person, never who they are:
 * dropped from a typed name, and the rest is read as the name ("Dave the courier" is "Dave").
 */
export const roleWords: ReadonlySet<string> = new Set([
  'the',
  // Deliveries and trades.
  'courier',
  'delivery',
  'postman',
  'postwoman',
  'postie',
  'parcel',
  'parcels',
  'engineer',
  'plumber',
  'electrician',
  'technician',
  'contractor',
  'locksmith',
  'decorator',
  'cleaner',
  'handyman',
  'builder',
  'repairs',
  'repair',
  'meter',
  'taxi',
  'cab',
  'removals',
  // Carriers and suppliers whose names are typed as if they were the visitor's.
  'dpd',
  'dhl',
  'ups',
  'fedex',
  'evri',
  'hermes',
  'yodel',
  'parcelforce',
  'amazon',
  'tesco',
  'asda',
  'sainsburys',
  'ocado',
  'morrisons',
  'deliveroo',
  'openreach',
  // Professionals who visit.
  'social',
  'worker',
  'officer',
  'pc',
  'pcso',
  'sgt',
  'sergeant',
  'inspector',
  'detective',
  'paramedic',
  'ambulance',
  'midwife',
  'therapist',
  'counsellor',
  'psychologist',
  'psychiatrist',
  'tutor',
  'teacher',
  'mentor',
  'volunteer',
  'locum',
  'interpreter',
  'advocate',
  'iro',
  'guardian',
  'solicitor',
  'visitor',
  'health',
  'support',
  'rep',
  'representative',
  'agent',
  'manager',
  'coordinator',
  'assistant',
  // Who they are to the young person.
  'mum',
  'mummy',
  'mam',
  'mom',
  'dad',
  'daddy',
  'nana',
  'nanna',
  'gran',
  'granny',
  'grandma',
  'grandmother',
  'grandad',
  'granddad',
  'grandpa',
  'grandfather',
  'auntie',
  'aunty',
  'uncle',
  'stepmum',
  'stepdad',
  'step',
  'boyfriend',
  'girlfriend',
  'partner',
  'carer',
]);

/** Words after which the rest of the text says where someone is from, not who they are. */
export const connectingWords: ReadonlySet<string> = new Set(['from', 'of', 'at', 'for', 'with', 'via', 'on']);

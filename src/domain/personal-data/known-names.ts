/**
 * Capitalised words that are not people: organisations, places and programmes common in TASS
 * reports, the words organisations are built from, and words capitalised only because a sentence
 * or heading starts with them. Councils add their own through the checker's context.
 */

/** Organisations, places and programmes named in TASS reports across Lancashire. */
export const BUILT_IN_ORGANISATIONS: readonly string[] = [
  "Barnardo's", 'Compass Bloom', 'Inspire Youth Zone', 'Inspire', 'Preston North End', 'Runshaw College',
  'Lancashire Mind', 'Family Hubs', 'Family Hub', 'Tarleton Academy', 'TARDIS', 'CAMHs', 'CAMHS', 'PMHW',
  'MHST', 'MHiST', 'NEET', 'SEND', 'SENCO', 'SMHL', 'CFW', 'VRN', 'LCC', 'TASS', 'TYS', 'NEST', 'UKSPF', 'NATCEN',
  'RONI', 'EHE', 'EHCP', 'EPO', 'Section 19', 'Targeted Youth Support', 'Youth Futures', 'Virtual School',
  'Investing in Youth', 'Invest In Youth', 'Positive Footsteps', 'Trauma Informed', 'Youth Forum',
  'Preston Youth Forum', 'Preston Youth Strategy', 'Preston City Council', 'West Lancs Borough Council',
  'West Lancs College', 'Chorley Council', 'South Ribble Council', 'Lancs Skills Hub', 'Careers Hub',
  'The Zone', 'Shout', 'Larches', 'The Bridge', 'Early Help', 'Children and Family Wellbeing',
  'Senior Mental Health Lead', 'Head Start', 'Healthy Young Minds', 'Kooth', 'Place2Be', 'Young Minds',
  'Action for Children', "The Children's Society", 'NSPCC', 'Lancashire Constabulary', 'Lancashire Police',
  'Lancashire County Council', 'Blackpool Council', 'Blackburn with Darwen', 'Lancashire Teaching Hospitals',
  'Lancashire and South Cumbria', 'Cardinal Newman College', 'Preston College', 'Myerscough College',
  'Edge Hill University', 'UCLan', 'Shaftesbury', 'Hesketh Bank', 'Burscough', 'Ormskirk', 'Skelmersdale',
  'Tarleton', 'Chorley', 'South Ribble', 'West Lancs', 'West Lancashire', 'Central Lancs', 'South Lancs',
  'North Lancs', 'East Lancs', 'Preston', 'Leyland', 'Penwortham', 'Croston', 'Euxton', 'Bamber Bridge',
  'Lostock Hall', 'Longton', 'Hutton', 'Fulwood', 'Ribbleton', 'Ashton', 'Lancaster', 'Morecambe', 'Fleetwood',
  'Fylde', 'Wyre', 'Pendle', 'Burnley', 'Hyndburn', 'Accrington', 'Rossendale', 'Ribble Valley', 'Clitheroe',
  'Blackpool', 'Blackburn', 'Darwen', 'Lancashire', 'Lancs', 'Cumbria', 'Wigan', 'Liverpool', 'Manchester',
];

/** Last words that make a capitalised phrase an organisation, team, place or programme. */
export const ORGANISATION_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'Academy Academies School Schools College Colleges University Council Councils Trust Trusts Service ' +
    'Services Team Teams Hub Hubs Zone Forum Forums Network Networks Group Groups Panel Panels Board ' +
    'Partnership Partnerships Programme Programmes Project Projects Strategy Survey Centre Center Centres ' +
    'Clinic Unit Units Authority Office Agency Alliance Association Foundation Society Charity Club Clubs ' +
    'Campus Company Ltd Lead Leads Officer Officers Worker Workers Manager Coordinator Practitioner Nurse ' +
    'Teacher Teachers Governor Governors Rep Reps Term Plan Plans Pathway Pathways Framework Policy Toolkit ' +
    'Tool Award Awards Fund Funding Initiative Scheme Pilot Meeting Meetings Conference Event Events ' +
    'Session Sessions Training Course Report Review Assessment Support Provision Offer Road Street Avenue ' +
    'Square Village City Borough District County Estate Valley Hospital Hospitals Surgery Practice Library ' +
    'Grammar Primary High Infants Juniors Nursery CE RC ' +
    'Police Constabulary Youth Futures Skills Careers Health Wellbeing Attendance Inclusion Education Employment'
  ).split(' '),
);

/**
 * Words that are capitalised in reports for reasons other than being a name: sentence and
 * heading starts, titles of roles, months and days, subjects and common report vocabulary.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  (
    'A An The This That These Those There Their They Them He She His Her Him It Its We Our Us You Your I My ' +
    'And Or But If When While Where Who Whom Which What Why How All Any Each Every Some Many Most More Much ' +
    'Few Other Another Both Either Neither No Not None One Two Three Four Five Six Seven Eight Nine Ten ' +
    'First Second Third Last Next New Old Further Initial Final Early Late Recent Current Previous Following ' +
    'Met Meet Meeting Spoke Spoken Discussed Discussion Agreed Attended Attend Attending Supported Support ' +
    'Contacted Contact Called Emailed Referred Referral Visited Visit Invited Linked Link Worked Work Working ' +
    'Update Updated Shared Share Explore Explored Develop Developed Increase Reduce Improve Engage Engaged ' +
    'Continue Continued Ongoing Regular Regularly Plans Planned Planning Findings Data Feedback Commitment ' +
    'Targeted Positive Local National Central North South East West Northern Southern Eastern Western Greater ' +
    'County City District Borough Council Councils Youth Young People Person Persons Children Child Family ' +
    'Families Parent Parents Carer Carers Pupil Pupils Student Students Learner Learners Boy Girl Son Daughter ' +
    'Mum Dad Mother Father Sibling Siblings Brother Sister Baby Twins Primary Secondary High Junior Infant ' +
    'Nursery Special Virtual Senior Deputy Assistant Head Lead Designated Safeguarding Pastoral Careers Mental ' +
    'Health Emotional Wellbeing Trauma Informed Attendance Avoidance Absence Exclusion Inclusion Education ' +
    'Employment Training Transition Aspirations Post Pre Help Hub Hubs Team Teams Forum Network Group Panel ' +
    'Year Years Term Terms Autumn Spring Summer Winter Half January February March July ' +
    'September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today ' +
    'Tomorrow Yesterday Week Weeks Month Months Priority Priorities Intended Outcomes Outcome Activity Impact ' +
    'Exit Strategy Period Planned Action Actions Note Notes Total Overall Key Main Wider Whole Multi Agency ' +
    'Partners Partner Partnership Service Services Schools School Provider Providers Voice Survey Questionnaire ' +
    'Questionnaires Resources Presentation Good Practice Community Communities Police Social Care Worker ' +
    'Officer Officers Manager Managers Coordinator Teacher Teachers Staff Governors Chair Member Members Rep ' +
    'English Maths Science History Geography Art Music Drama Sport Sports PE Reading Writing Phonics Free ' +
    'School Meals Pupil Premium Ofsted Government Department Secretary State Minister Church Saint St Holy ' +
    'Catholic Methodist Anglican Islamic Jewish Our Lady Sacred Heart Trinity Christ In Need ' +
    'Protection Sexual Criminal Exploitation Abuse Neglect Looked After Poverty Development Centred Friendly ' +
    'Finance England Britain Wales Scotland Ireland Kingdom Matters'
  ).split(' '),
);

/** Honorifics that may start a name. */
export const TITLES: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Master']);

/**
 * Last term's reports of the sample organisation, taken from real TASS locality reports
 * (West Lancashire, Central Lancs and Preston) with their stray non-breaking spaces and bullet
 * marks cleaned away. Data only: sample-organisation.ts turns it into stored entities.
 */
import type { ImpactFigure, RagStatus, SectionText } from '../domain/model';

const items = (...lines: string[]): SectionText => ({ kind: 'items', items: lines });
const prose = (...paragraphs: string[]): SectionText => ({ kind: 'prose', paragraphs });

export interface SamplePriorityHistory {
  readonly id: string;
  readonly title: string;
  readonly themes: readonly string[];
  readonly intendedOutcomes: SectionText;
  readonly activityLastPeriod: SectionText;
  readonly plannedActivityNextPeriod: SectionText;
  readonly impactSoFar: SectionText;
  readonly exitStrategy: SectionText;
  readonly rag: RagStatus;
  readonly figures: readonly ImpactFigure[];
}

export const WEST_LANCASHIRE_HISTORY: readonly SamplePriorityHistory[] = [
  {
    id: 'west-lancashire-school-networks',
    title: 'Support the development of school-to-school support networks in West Lancs – specifically small and rural schools.',
    themes: ['school networks', 'early help'],
    intendedOutcomes: items(
      'To facilitate discussion of the importance of whole school ethos and multi-agency working; particularly relating to early help approaches.',
      'To improve access to local knowledge, information, funding, CVFS organisations, experiences, and good practice.',
      'To strengthen school to school support underpinned by local and national drivers.',
      'To enable the group to have a mechanism for addressing challenges they are facing via TASS Locality Group and have relationships with wider partners to offer solutions.',
    ),
    activityLastPeriod: items(
      'Network meeting held, attended by head teachers from TARDIS cluster, CFW, West Lancs Borough Council, Health, LCC attendance team & communities team, along with community groups.',
      'The group discussed how there has been significant progress in terms of delivery or planned delivery of support for children and families within the northern parishes via Family Hubs.',
      'Agreed that a baby clinic will commence at Hesketh Bank.',
      'Trauma Informed training was delivered to TARDIS by the VRN.',
      'VR Headset training shared with the school cluster and details of education lead (VRN) shared to support embedding trauma informed practice within policy and procedures.',
    ),
    plannedActivityNextPeriod: items(
      'Secondary rep from Tarleton Academy to attend the next meeting, re: transition.',
      'Police rep to attend the next meeting as schools feel better communication with the neighbourhood team and primary schools is needed.',
      'More community reps have been invited to attend the next meeting.',
      'Dates for the next academic years meetings to be established and smaller subgroups if required to progress the work.',
    ),
    impactSoFar: prose(
      'The schools, along with key partners have expressed how effective the network has been in delivering an increased offer to families. The CFW team have engaged with the local community and positively brought them along with the network to aid their understanding of what we are trying to achieve and have agreed to host some groups which will benefit local families.',
    ),
    exitStrategy: prose(
      'Although initially it was felt that this network was more Family Hubs focused, there are elements that require a TASS response to explore solutions and the group welcome the meeting being led by EPO for the rest of the academic year.',
    ),
    rag: 'on track',
    figures: [],
  },
  {
    id: 'west-lancashire-neet-pathways',
    title: 'Explore the pathways of support for young people who are not/at risk of not being in education, employment and training (EET) in West Lancashire.',
    themes: ['NEET', 'post-16'],
    intendedOutcomes: prose(
      'To explore the number of young people across WL who are NEET (Not in Education Employment or Training) and develop a pathway of support, advice and guidance to improve their outcomes.',
    ),
    activityLastPeriod: items(
      'EPO made a visit to West Lancs college who are also exploring their young people who drop out of college with no information as to their whereabouts.',
      'EPO met with West Lancs council NEST team (Network, employability, Skills and training) to understand their role.',
      'EPO met with LCC Post 16 lead and Participation Relationship Manager re: data and how this could benefit the local council and help to target specific areas of West Lancs with higher numbers of NEET young people.',
    ),
    plannedActivityNextPeriod: items(
      'Careers event to include secondary careers leads and key partners who offer advice and support to young people around aspirations and employability/training.',
      'To provide the group with some data in relation to NEET/Not known young people to target specific areas of West Lancs and offer advice and support.',
      'EPO to align this work with existing NEET drop in based at The Zone/Targeted Youth.',
      'EPO to link the West Lancs team into the TARDIS network – to explore employability in northern parishes.',
      'EPO to establish who the careers leads are in the secondary schools and discuss the transition process.',
    ),
    impactSoFar: prose(
      'This piece of work is in the early stages of gathering the correct data, aligning existing work and connecting professionals.',
    ),
    exitStrategy: prose(
      'By utilising existing networks and teams who offer advice, guidance, and support for young people post 16 and creating effective connections, pathways will be sustained. This workstream will be discussed during the last locality group this academic year.',
    ),
    rag: 'some concerns',
    figures: [],
  },
];

export const CENTRAL_LANCS_HISTORY: readonly SamplePriorityHistory[] = [
  {
    id: 'central-lancs-school-avoidance',
    title:
      'School Avoidance- what support is available for schools when working with children and families experiencing anxiety when attending school, resulting in poor attendance.',
    themes: ['attendance', 'mental health'],
    intendedOutcomes: items(
      'Ongoing work is needed to support schools with the available mental health and emotional wellbeing support across Chorley and South Ribble',
      'The Central Lancs TASS work will link in with the county wide work looking at this.',
      'Local needs can be addressed through the TASS partnership and linked to the Trauma Informed work.',
    ),
    activityLastPeriod: items(
      'Findings and recommendations drawn up from the pilot, including feedback from schools and partners. Main findings indicate that a permanent district panel would be beneficial.',
      'Discussions with LCC Attendance team around the implementation of a more permanent School Avoidance Panel across Chorley and South Ribble',
      'A mapping of district panels and multi-agency meetings was completed to show gaps or possible alignment, from this it was clear that there was no other meeting looking at this cohort of young people.',
      'Invitation extended to all Chorley and South Ribble secondary schools to the next school avoidance panel meeting.',
      'More partners identified as key to the school avoidance panel.',
      'New Terms of Reference and criteria drawn up.',
      'Meeting took place with Lancashire Mind to explore their wider offer.',
      "Meeting with Barnardo's took place looking at the offer for schools.",
      'Schools encouraged to attend the Senior Mental Health Lead (SMHL) network facilitated by Compass Bloom.',
      'EPO attendance at the MHiST strategic steering group.',
    ),
    plannedActivityNextPeriod: items(
      'Follow up with PMHW/ CAMHs planned.',
      'EPO involvement with the mental health pathways mapping across mental health providers, this will be across the South Lancs area. This has now been developed for all Chorley and South Ribble schools. EPOs will support schools accessing and using this pathway.',
      'Handover of the school avoidance work to LCC Attendance Team.',
      'School avoidance panel meeting to be held with more school and key partners.',
    ),
    impactSoFar: items(
      '12 high schools attended and contributed to the initial discussion around school avoidance and 4 high schools were part of the School Avoidance pilot, 6 individual cases have been discussed in the pilot.',
      '8 high schools attended the first panel meeting, 6 external partners and discussion around 8 young people.',
      'The School Attendance network across Chorley and South Ribble have agreed to host the discussions around school avoidance.',
      'Commitment from PMHW to offer termly network meetings for schools to come together for ongoing CPD and support around mental health.',
      'Commitment from Compass Bloom to coordinate and facilitate the SMHL network.',
      '80 schools/ partners attended the mental health development session hosted by CFW with presentations for mental health partners.',
    ),
    exitStrategy: prose(
      "Schools will feel supported in the mental health offer, they will know what's available to them across the district, who to refer to and when. The MH pathways document will be in place for all schools.",
      'Targeted support for those who are the MH lead in schools will be available through the MH partners.',
    ),
    rag: 'on track',
    figures: [
      { value: 12, counts: 'high schools contributed to the initial discussion' },
      { value: 8, counts: 'high schools attended the first panel meeting' },
      { value: 80, counts: 'schools and partners attended the mental health development session' },
    ],
  },
  {
    id: 'central-lancs-neet',
    title: 'Increase the number of young people engaging in education, employment and training across Chorley & South Ribble',
    themes: ['NEET', 'post-16'],
    intendedOutcomes: prose(
      'To explore the number of young people who are NEET (Not in Education Employment or Training) and develop a pathway of support, advice and guidance to improve their outcomes.',
    ),
    activityLastPeriod: items(
      'Regular meetings held with Chorley & South Ribble Council, Inspire Youth Zone, Targeted Youth Support, LCC Youth Futures, Lancs skills hub & Preston North End to explore how the data provided can be used to target young people across districts.',
      'Inspire continue to deliver in most secondary schools in Chorley including Shaftesbury. This includes work around life skills, aspirations and mentoring.',
      'Runshaw College have made links with Chorley council in relation to NEET specific roles and are attending working group.',
      'Virtual school rep connected with the group and would feel linking to the LCC data would be beneficial.',
    ),
    plannedActivityNextPeriod: items(
      "EPO's to explore with careers hub re-establishing secondary careers leads network meetings to share good practice across schools.",
      'Inspire and district councils to effectively use the data from LCC to cross reference contact with young people who are NEET or not known and ensure they are offered appropriate advice and guidance. A system of regular information sharing to be agreed.',
      'Chorley council, Inspire and TYS to explore obtaining the YP voice via Youth Forum.',
      'The group to consider other partners who have contact or support YP who are NEET and invite to the working party.',
      'SHOUT survey analysis to be shared with the working party members to inform delivery.',
      'Post 16 LCC team to keep the working party informed of the DfE Risk of NEET indicator tool (RONI).',
      'To explore the role primary schools can play in encouraging younger children to engage in aspirational discussions and explore opportunities to achieve this.',
    ),
    impactSoFar: prose(
      'The partners who are attending the working group are all delivering services and support to young people who are NEET or are identified as at risk of NEET across Chorley and South Ribble. Bringing together all services to explore the data and good practice from other districts has enabled the working group to have a shared vision and plan to improve pathways, transition and provision to increase the number of YP who end up in education, employment or training.',
    ),
    exitStrategy: prose(
      'The connections made between LCC and both district councils, along with many other partners who support and advise young people, will strengthen the approach to NEET young people across the district. The plans to explore YP voice along with cross referencing data will ensure some future sustainability in terms of a continued joint response to encouraging participation in EET.',
    ),
    rag: 'on track',
    figures: [],
  },
];

export const PRESTON_HISTORY: readonly SamplePriorityHistory[] = [
  {
    id: 'preston-post-16',
    title: 'Develop a partnership approach to increase the number of young people accessing education, employment or training post-16.',
    themes: ['NEET', 'post-16', 'careers'],
    intendedOutcomes: items(
      "Reduce the number of 'Not Knowns', young people whose post 16 status is unknown to the LA.",
      'Increase the number of YP engaging in positive post 16 EET- including the Investing in Youth programme.',
      'Engage Preston Schools careers leads in the project to share good practice and identify gaps.',
      'Engage Preston primary schools in the work also, looking at preventative work and raising aspirations.',
    ),
    activityLastPeriod: items(
      'Termly meeting held with schools and wide range of partners.',
      'Update from Invest In Youth programme funded with UKSPF. Data so far shared with group and referral, capacity etc.',
      'Continued linking with the Post 16 team and Youth Futures at LCC to ensure alignment with county action plan.',
      "Alignment with the Preston Youth Strategy- in particular the element 'Future'- how this working group can support the Youth Strategy objectives and action plan.",
      'All schools have been invited to be members of the Preston Youth Forum',
    ),
    plannedActivityNextPeriod: items(
      "Questionnaire for schools around their experience of pupils' work experience. This will feed into discussions being held under the Preston Youth Strategy.",
      "Data and findings from the County 'Shout' survey of YR10 thoughts around Transition to be shared with the group.",
      'Findings from the NATCEN research project shared with the group.',
    ),
    impactSoFar: items(
      '6 successful meetings held with 5 schools, 2 colleges and 10 different partners.',
      'Schools reported feeling that the meetings were beneficial and supportive.',
      'Good working links made between the LCC Youth Futures team and Preston City Council.',
      '4 secondary schools are linked with Preston City Council for latest vacancies and opportunities.',
      '14 schools received the Primary School resources.',
      'Presentation developed for use with all youth providers.',
    ),
    exitStrategy: items(
      'The ambition is that careers leads in schools will be supported by a range of partners across the district to better support young people in making career choices post 16. A wide range of provision is known about and utilised.',
      "Schools are linked to the Preston Youth Strategy objectives around 'future'.",
    ),
    rag: 'on track',
    figures: [
      { value: 6, counts: 'successful meetings held' },
      { value: 4, counts: 'secondary schools linked with Preston City Council for vacancies' },
      { value: 14, counts: 'schools received the Primary School resources' },
    ],
  },
  {
    id: 'preston-school-avoidance',
    title:
      'Work with schools and multi-agency partners to explore factors contributing to school avoidance across Preston, including anxiety around school and wider emotional health and wellbeing support for children, young people and families.',
    themes: ['attendance', 'mental health'],
    intendedOutcomes: items(
      'To identify some of the reasons why children are struggling to attend school.',
      'Link schools to partners in the district who can support with school avoidance.',
      'Develop, in partnership, a mental health pathways Document across providers for schools to use when making referrals into MH services.',
      "Align the work with the Preston Youth Forum and Preston Youth Strategy, the objectives of 'Be Healthy' and 'Be Ready for the Future'.",
    ),
    activityLastPeriod: items(
      'Data from the Attendance Team and from the EHE Team referred to, gathering the scale of the issue across Preston.',
      'Initial multi agency meeting for school avoidance with 3 high schools and 5 partners.',
      'Themes identified: anxiety and emotional health, undiagnosed ASD, waiting lists for CAMHs, transitions and supporting parents with that process.',
      'Discussion with Compass Bloom around the MH offers for schools and the providers who are commissioned to work across Preston.',
      'Multi- agency pathways meeting held with 11 MH providers.',
      'Linked the Preston Youth Forum with the Schools Senior Mental Health Lead (SMHL) network to update about the MH objective within the Preston Youth Strategy.',
    ),
    plannedActivityNextPeriod: items(
      'Attendance team to clarify Section 19 position and feedback to group.',
      'MH pathways meeting in collaboration with Compass Bloom and aligned with Preston Youth Forum.',
      'Meeting with CFW about transition work with parents, raise this with Larches and the Bridge transition programme.',
      'Compass Bloom to explore more effective referral into MH providers.',
    ),
    impactSoFar: prose('Initial meeting held and themes identified.'),
    exitStrategy: prose(
      'Partners will be aware of the main themes leading to school avoidance and absenteeism across Preston. Schools will be updated about the offers available to them and partnership work to support the issues.',
      "Schools will feel supported in the mental health offer across Preston. They will know what's available to them across the district and who to refer to, when. The MH pathways document will be in place for all schools.",
    ),
    rag: 'some concerns',
    figures: [{ value: 11, counts: 'mental health providers at the pathways meeting' }],
  },
];
